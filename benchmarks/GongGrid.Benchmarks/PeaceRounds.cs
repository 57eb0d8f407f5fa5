using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Benchmarks;

/// <summary>
/// Full peace rounds (the district's strike count, 4 s apart) on the first gongs of villages whose signal is a gong,
/// sent through <see cref="DeviceEventIngest"/> by many concurrent senders, one village per sender at a time so each
/// gong's strikes arrive in order, as one edge bridge per village would send them.
/// </summary>
internal static class PeaceRounds
{
    public const int Senders = 64;

    /// <summary>
    /// One round per gong of every (<paramref name="everyNth"/>) gong village, from its first <paramref name="gongs"/>
    /// gongs, device times from <paramref name="start"/>.
    /// </summary>
    public static IReadOnlyList<(string DeviceKey, StrikeEvent[] Strikes)> Plan(
        IEnumerable<DistrictRoster> districts, DateTimeOffset start, int everyNth = 1, int gongs = 1) =>
        [.. districts
            .SelectMany(district => district.Communes.SelectMany(commune => commune.Villages
                .Where(village => village.PeaceSignal == PeaceSignalSource.Gong)
                .Select(village => (Key: $"{district.Key}/{commune.Slug}/{village.Slug}", district.Settings.With(commune.Overrides).PeaceStrikes))))
            .Where((_, index) => index % everyNth == 0)
            .SelectMany(village => Enumerable.Range(1, gongs).Select(gong => (Key: $"{village.Key}/gong-{gong}", village.PeaceStrikes)))
            .Select(gong => (gong.Key, Enumerable.Range(1, gong.PeaceStrikes)
                .Select(strike => new StrikeEvent($"{gong.Key}#{strike}", start.AddSeconds(4 * (strike - 1)), strike))
                .ToArray()))];

    /// <summary>
    /// The districts with at least <paramref name="gongs"/> gongs in every gong village (synthetic villages have 1-3),
    /// the missing ones added beside gong-1, so that a burst can strike that many in each.
    /// </summary>
    public static IReadOnlyList<DistrictRoster> WithGongs(IEnumerable<DistrictRoster> districts, int gongs) =>
        [.. districts.Select(district => district with
        {
            Communes = [.. district.Communes.Select(commune => commune with
            {
                Villages = [.. commune.Villages.Select(village => village.PeaceSignal != PeaceSignalSource.Gong ? village : village with
                {
                    Devices = [.. village.Devices, .. Enumerable.Range(1, gongs)
                        .Where(gong => village.Devices.All(device => device.Slug != $"gong-{gong}"))
                        .Select(gong => village.Devices.First(device => device.Slug == "gong-1") with { Slug = $"gong-{gong}" })],
                })],
            })],
        })];

    /// <summary>Sends every round and returns the number of strikes applied; anything else is a broken benchmark.</summary>
    public static async Task<int> SendAsync(DeviceEventIngest ingest, IReadOnlyList<(string DeviceKey, StrikeEvent[] Strikes)> rounds)
    {
        var applied = 0;
        await Parallel.ForEachAsync(rounds, new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (round, _) =>
        {
            foreach (var strike in round.Strikes)
            {
                var receipt = await ingest.IngestAsync(round.DeviceKey, strike);
                if (receipt.Disposition != EventDisposition.Applied)
                {
                    throw new InvalidOperationException($"Strike {strike.EventId} was {receipt.Disposition}, not applied.");
                }
                Interlocked.Increment(ref applied);
            }
        });
        return applied;
    }
}
