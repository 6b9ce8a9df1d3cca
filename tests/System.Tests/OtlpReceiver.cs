using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Medborgare.SystemTests;

/// <summary>One span as the services exported it over OTLP.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<(string TraceId, string SpanId)> Links)
{
    public const int Server = 2, Client = 3, Producer = 4, Consumer = 5;

    /// <summary>The exporting process's service.instance.id: which replica of the service it was.</summary>
    public string Instance { get; init; } = "";

    public override string ToString() => $"{Service} {Scope} kind={Kind} '{Name}' trace={TraceId} span={SpanId} parent={ParentSpanId}";
}

/// <summary>
/// An OTLP/HTTP (protobuf) receiver on 127.0.0.1 for the whole app under test: every service exports its traces here, as it
/// would to a collector, and the tests read the spans back. Only the few span fields the tests need are decoded, with a
/// small reader of the protobuf wire format; metrics and logs are accepted and dropped.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    const int MaxSpans = 500_000;

    readonly ConcurrentQueue<ReceivedSpan> spans = new();
    readonly HttpClient forwarder = new() { Timeout = TimeSpan.FromSeconds(10) };
    WebApplication app = null!;

    public string Endpoint { get; private set; } = "";
    public IReadOnlyCollection<ReceivedSpan> Spans => spans;
    /// <summary>Where every export is passed on as it came (the Aspire dashboard's OTLP/HTTP endpoint), when set.</summary>
    public string? ForwardTo { get; set; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver.app = builder.Build();
        receiver.app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await receiver.app.StartAsync();
        receiver.Endpoint = receiver.app.Urls.Single();
        return receiver;
    }

    async Task<IResult> ReceiveAsync(string signal, HttpRequest request)
    {
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw);
        var bytes = raw.ToArray();
        if (ForwardTo is { } target)
            _ = ForwardAsync(target, signal, bytes, request.ContentType, request.Headers.ContentEncoding.ToString(), request.Headers["x-otlp-api-key"].ToString());
        if (signal != "traces") return Results.Bytes([], "application/x-protobuf");
        var body = request.Headers.ContentEncoding.ToString() == "gzip" ? Gunzip(bytes) : bytes;
        if (spans.Count < MaxSpans) foreach (var span in Decode(body)) spans.Enqueue(span);
        return Results.Bytes([], "application/x-protobuf");
    }

    /// <summary>As the part sent it, with the dashboard's API key that Aspire gave the part (OTEL_EXPORTER_OTLP_HEADERS).</summary>
    async Task ForwardAsync(string target, string signal, byte[] body, string? contentType, string encoding, string apiKey)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{target.TrimEnd('/')}/v1/{signal}") { Content = new ByteArrayContent(body) };
            if (apiKey.Length > 0) request.Headers.TryAddWithoutValidation("x-otlp-api-key", apiKey);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/x-protobuf");
            if (encoding.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
            using var response = await forwarder.SendAsync(request);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The dashboard is a window onto the run, not part of what the tests assert on.
        }
    }

    static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)) gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>ExportTraceServiceRequest: resource_spans(1) → resource(1), scope_spans(2) → scope(1), spans(2).</summary>
    static IEnumerable<ReceivedSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = "";
            var instance = "";
            foreach (var field in Fields(resourceSpans))
            {
                if (field.Number == 1)
                {
                    var resource = Attributes(field.Bytes);
                    service = resource.GetValueOrDefault("service.name", "");
                    instance = resource.GetValueOrDefault("service.instance.id", "");
                }
                else if (field.Number == 2)
                {
                    var scope = "";
                    foreach (var scoped in Fields(field.Bytes))
                    {
                        if (scoped.Number == 1) scope = Text(Fields(scoped.Bytes).FirstOrDefault(f => f.Number == 1).Bytes);
                        else if (scoped.Number == 2) yield return Span(service, scope, scoped.Bytes) with { Instance = instance };
                    }
                }
            }
        }
    }

    static ReceivedSpan Span(string service, string scope, byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        var links = new List<(string, string)>();
        foreach (var f in Fields(span))
        {
            switch (f.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(f.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(f.Bytes); break;
                case 4: parent = Convert.ToHexStringLower(f.Bytes); break;
                case 5: name = Text(f.Bytes); break;
                case 6: kind = (int)f.Varint; break;
                case 9:
                    var (key, value) = KeyValue(f.Bytes);
                    attributes[key] = value;
                    break;
                case 13:   // Link { trace_id = 1, span_id = 2, ... }
                    var link = Fields(f.Bytes);
                    links.Add((Convert.ToHexStringLower(link.FirstOrDefault(l => l.Number == 1).Bytes ?? []),
                        Convert.ToHexStringLower(link.FirstOrDefault(l => l.Number == 2).Bytes ?? [])));
                    break;
            }
        }
        return new ReceivedSpan(service, scope, traceId, spanId, parent, name, kind, attributes, links);
    }

    /// <summary>Resource attributes (field 1 of Resource): KeyValue { key = 1, value = 2 (AnyValue) }.</summary>
    static Dictionary<string, string> Attributes(byte[] resource) =>
        Fields(resource).Where(f => f.Number == 1).Select(f => KeyValue(f.Bytes)).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    /// <summary>A KeyValue whose AnyValue is shown as text: string (1), bool (2), int (3) or double (4); others as empty.</summary>
    static (string Key, string Value) KeyValue(byte[] keyValue)
    {
        string key = "", value = "";
        foreach (var f in Fields(keyValue))
        {
            if (f.Number == 1) key = Text(f.Bytes);
            else if (f.Number == 2)
            {
                foreach (var v in Fields(f.Bytes))
                {
                    value = v.Number switch
                    {
                        1 => Text(v.Bytes),
                        2 => (v.Varint != 0).ToString(),
                        3 => ((long)v.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        4 => BitConverter.Int64BitsToDouble((long)v.Fixed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        _ => "",
                    };
                }
            }
        }
        return (key, value);
    }

    static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    readonly record struct Field(int Number, ulong Varint, ulong Fixed, byte[] Bytes);

    /// <summary>The fields of one protobuf message: wire types 0 (varint), 1 (64-bit), 2 (length-delimited) and 5 (32-bit).</summary>
    static List<Field> Fields(byte[] message)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add(new Field(number, ReadVarint(message, ref position), 0, []));
                    break;
                case 1:
                    fields.Add(new Field(number, 0, BitConverter.ToUInt64(message, position), []));
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    fields.Add(new Field(number, 0, 0, message[position..(position + length)]));
                    position += length;
                    break;
                case 5:
                    fields.Add(new Field(number, 0, BitConverter.ToUInt32(message, position), []));
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {tag & 7} at byte {position}.");
            }
        }
        return fields;
    }

    static ulong ReadVarint(byte[] data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        forwarder.Dispose();
    }
}
