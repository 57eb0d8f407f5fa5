using GongGrid.Grains.Interfaces;

namespace GongGrid.Silo.Output;

/// <summary>Prints the district's live counts every 15 minutes of grid time while a night plays, as a police screen would show them.</summary>
public sealed class LiveTicker : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    private readonly ITimer _timer;

    public LiveTicker(IGrainFactory grains, string districtKey, DateOnly night, TimeProvider clock, TimeZoneInfo zone, TextWriter output)
    {
        var district = grains.GetGrain<IDistrictGrain>(districtKey);
        _timer = clock.CreateTimer(_ => Print(district, night, clock, zone, output), null, Every, Every);
    }

    public void Dispose() => _timer.Dispose();

    private static async void Print(IDistrictGrain district, DateOnly night, TimeProvider clock, TimeZoneInfo zone, TextWriter output)
    {
        try
        {
            var counts = (await district.GetNightSummaryAsync(night)).Totals;
            var alarms = await district.GetLiveAlarmsAsync();
            output.WriteLine($"  {TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone):HH:mm}  on time {counts.OnTimeOrPlayed,3} · late {counts.Late,3} · early {counts.Early,3} · incomplete {counts.Incomplete,3} · pending {counts.Pending,3} · live alarms {alarms.Count}");
        }
        catch (Exception error)
        {
            output.WriteLine($"  (live counts unavailable: {error.Message})");
        }
    }
}
