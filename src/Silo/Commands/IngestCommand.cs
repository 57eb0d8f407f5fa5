using System.CommandLine;
using System.Text.Json;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Silo.Hosting;

namespace GongGrid.Silo.Commands;

/// <summary>
/// <c>ingest EVENTS.jsonl</c>: feeds device events, one JSON object a line ({"device": KEY, "kind": ..., then the
/// event's fields}), and prints "ack" for each only after the grid persisted it. Re-running the same file is
/// harmless: events already applied are acknowledged as duplicates.
/// </summary>
public sealed class IngestCommand : Command
{
    /// <summary>A device event is a few hundred bytes; anything this long is not one.</summary>
    private const int MaxLineLength = 16 * 1024;

    private readonly Argument<string> _events = new("EVENTS.jsonl") { Description = "The device events, one JSON object a line; - reads standard input." };
    private readonly HostOptions _host = new();

    public IngestCommand()
        : base("ingest", "Feeds device events to the grid and prints an ack for each once it is persisted.")
    {
        Arguments.Add(_events);
        _host.AddTo(this);
        SetAction((parsed, cancellationToken) => RunAsync(parsed, Console.Out, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var events = parsed.GetRequiredValue(_events);
        using var input = events == "-" ? Console.In : new StreamReader(events);
        await using var grid = await GridHost.StartAsync(_host.HostArgs(parsed), _host.Clock(parsed), cancellationToken);
        var ingest = new DeviceEventIngest(grid.Grains);
        var (acknowledged, rejected, lineNumber) = (0, 0, 0);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (line.Length > MaxLineLength)
            {
                await output.WriteLineAsync($"reject line {lineNumber}: {line.Length:N0} characters; an event line is at most {MaxLineLength:N0}.");
                rejected++;
                continue;
            }
            try
            {
                var (deviceKey, deviceEvent) = ParseLine(line);
                var receipt = await ingest.IngestAsync(deviceKey, deviceEvent);
                await output.WriteLineAsync($"ack {deviceKey} {receipt.EventId} {receipt.Disposition.ToString().ToLowerInvariant()}{(receipt.ClockSkewed ? " clock-skewed" : "")}");
                acknowledged++;
            }
            catch (Exception error) when (error is FormatException or JsonException or ArgumentException or UnknownDeviceException)
            {
                await output.WriteLineAsync($"reject line {lineNumber}: {Reason(error)}");
                rejected++;
            }
            await output.FlushAsync(cancellationToken);
        }
        await output.WriteLineAsync($"{acknowledged} acknowledged, {rejected} rejected");
        return rejected == 0 ? 0 : 1;
    }

    /// <summary>
    /// What was wrong, in words an operator can act on: a JSON error says it is one, without the reader's 0-based
    /// "LineNumber: 0" (the reject names the file's line); an argument error without the refusing method's parameter.
    /// </summary>
    private static string Reason(Exception error) => error switch
    {
        JsonException json => $"malformed JSON: {json.Message.Split(" LineNumber:")[0]}",
        ArgumentException { ParamName: { } parameter } argument => argument.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal),
        _ => error.Message,
    };

    private static (string DeviceKey, DeviceEvent Event) ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Each line must be a JSON object.");
        }
        var device = root.TryGetProperty("device", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()! : throw new FormatException("'device' is missing.");
        var kind = root.TryGetProperty("kind", out var kindText) && kindText.ValueKind == JsonValueKind.String ? kindText.GetString()! : throw new FormatException("'kind' is missing.");
        return (device, DeviceEventJson.Parse(kind, root));
    }
}
