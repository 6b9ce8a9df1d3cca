namespace Medborgare.Web.Services;

/// <summary>A file streamed from a service; dispose <see cref="Owner"/> (or hand the file to the response) when done.</summary>
public sealed record FileDownload(Stream Content, string ContentType, string FileName, IDisposable Owner);
