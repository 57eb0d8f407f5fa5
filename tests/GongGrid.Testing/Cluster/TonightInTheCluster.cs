using System.Globalization;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// The night the cluster tests play: each silo's clock starts at 21:59:40 local time at real speed, and devices
/// strike from 22:00:00, so every device clock is within the 2 minutes the grid trusts of whichever silo's clock
/// (a silo started later runs a little behind the first). A night in the past, as the bridge tests' is.
/// </summary>
public static class TonightInTheCluster
{
    public const string District = "ngoc-lac";

    public const string Night = "2025-11-22";

    public const string SiloClock = "2025-11-22T21:59:40+07:00";

    public static readonly DateTimeOffset PeaceAt = new(2025, 11, 22, 22, 0, 0, TimeSpan.FromHours(7));

    public static string Describe(DateTimeOffset at) => at.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
