using Google.Protobuf;
using GongGrid.Silo.Api.Mapping;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Silo.Dashboard;

/// <summary>
/// The API's messages in the proto3 JSON mapping (camelCase fields, enum names, RFC 3339 times, 64-bit numbers as
/// strings), with zero values written out, so the page reads the same fields the .proto files document.
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static string Format(IMessage message) => Formatter.Format(message);

    public static IResult Result(IMessage message) => Results.Text(Format(message), "application/json; charset=utf-8");

    /// <summary>Reads a request message from the page's JSON body (an empty body is the empty message).</summary>
    public static async Task<TRequest> ReadAsync<TRequest>(HttpRequest request, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>, new()
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return json.Trim().Length == 0 ? new TRequest() : Parser.Parse<TRequest>(json);
        }
        catch (Exception invalid) when (invalid is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw RequestFields.Invalid($"the request body is not a {new TRequest().Descriptor.FullName} in JSON: {invalid.Message}");
        }
    }
}
