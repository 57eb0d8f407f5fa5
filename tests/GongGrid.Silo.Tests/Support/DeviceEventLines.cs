using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GongGrid.Silo.Tests.Support;

/// <summary>One line of an ingest file, with what it is about so a test can match the silo's answer to it.</summary>
public sealed record EventLine(string VillageKey, string DeviceKey, string EventId, string Json);

/// <summary>Builds ingest files: one JSON object a line, as an edge bridge would hand them over.</summary>
public static class DeviceEventLines
{
    public const int PeaceStrikes = 9;

    /// <summary>As a bridge writes them: "+07:00" and Vietnamese letters as they are, not \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Strikes of one round are this far apart.</summary>
    public static readonly TimeSpan StrikeGap = TimeSpan.FromSeconds(4);

    /// <summary>A full round of 9 strikes from every gong, 4 s apart from 22:00:30 local, village after village.</summary>
    public static IReadOnlyList<EventLine> PeaceRounds(IEnumerable<VillageGong> gongs) =>
        [.. gongs.SelectMany(gong => PeaceRound(gong, KillHuyen.PeaceAt.AddSeconds(30)))];

    public static IEnumerable<EventLine> PeaceRound(VillageGong gong, DateTimeOffset startsAt) =>
        Enumerable.Range(1, PeaceStrikes).Select(strike => Strike(gong, strike, startsAt + ((strike - 1) * StrikeGap)));

    public static EventLine Strike(VillageGong gong, int sequence, DateTimeOffset time)
    {
        var eventId = $"{GongSlug(gong)}-{sequence:000000}";
        return new EventLine(gong.VillageKey, gong.DeviceKey, eventId, Line(gong.DeviceKey, "strike", eventId, time, sequence));
    }

    public static string Line(string deviceKey, string kind, string eventId, DateTimeOffset time, long sequence) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["device"] = deviceKey,
            ["kind"] = kind,
            ["eventId"] = eventId,
            ["time"] = time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["seq"] = sequence,
        }, Json);

    private static string GongSlug(VillageGong gong) => gong.DeviceKey[(gong.DeviceKey.LastIndexOf('/') + 1)..];
}
