using Medborgare.HostileInput;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await HostileCli.RunAsync(args, Console.Out, Console.Error, cancel.Token);
