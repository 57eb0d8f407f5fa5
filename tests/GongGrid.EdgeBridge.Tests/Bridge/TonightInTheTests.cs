using System.Globalization;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>
/// The night the bridge tests play: the silo's clock starts at 21:59:40 local time at real speed, and devices
/// strike from 22:00:00. It is a night in the past on purpose: the bridge stamps each event with its own (real)
/// receive time, and the silo keeps a bridge's receive time only when it is not later than its own clock, so with
/// the silo's clock behind real time it judges device clocks against its own simulated time, as intended.
/// </summary>
internal static class TonightInTheTests
{
    public const string Night = "2025-11-22";

    public const string SiloClock = "2025-11-22T21:59:40+07:00";

    public static readonly DateTimeOffset PeaceAt = new(2025, 11, 22, 22, 0, 0, TimeSpan.FromHours(7));

    /// <summary>RFC 3339 with milliseconds and the +07:00 offset, as a device sends it.</summary>
    public static string DeviceTime(TimeSpan afterPeace) =>
        (PeaceAt + afterPeace).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
