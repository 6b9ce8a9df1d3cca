namespace Medborgare.LoadTool;

public sealed record LoadOptions(int Responses, int Rate, int Concurrency)
{
    public static LoadOptions? Parse(string[] args)
    {
        var o = new LoadOptions(2000, 300, 128);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value)) return null;
            o = args[i] switch
            {
                "--responses" when value is >= 1 and <= 200_000 => o with { Responses = value },
                "--rate" when value is >= 1 and <= 5_000 => o with { Rate = value },
                "--concurrency" when value is >= 1 and <= 1_000 => o with { Concurrency = value },
                _ => null,
            };
            if (o is null) return null;
            i++;
        }
        return o;
    }
}
