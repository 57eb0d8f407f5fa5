using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Hosting;
using GongGrid.Testing;
using Orleans;
using Orleans.Hosting;

namespace GongGrid.Grains.Tests.Support;

/// <summary>A silo with the domain grains and the test district, a manual clock at 21:00 local on 22 Nov 2026, and helpers to strike gongs.</summary>
public sealed class GridHarness : IAsyncDisposable
{
    /// <summary>The night the tests play out: 22:00 local (UTC+7) is 15:00 UTC.</summary>
    public static readonly DateOnly Night = new(2026, 11, 22);

    public static readonly DateTimeOffset PeaceTime = new(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);

    private long _sequence;

    private GridHarness(TestSilo silo, ManualTimeProvider clock)
    {
        Silo = silo;
        Clock = clock;
        Ingest = new DeviceEventIngest(silo.GrainFactory);
    }

    public TestSilo Silo { get; }

    public ManualTimeProvider Clock { get; }

    public DeviceEventIngest Ingest { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public IDistrictGrain District => Grains.GetGrain<IDistrictGrain>(TestDistrict.Key);

    public static Task<GridHarness> StartAsync() =>
        StartAsync(silo => silo.UseGridMemory(), new ManualTimeProvider(PeaceTime.AddHours(-1)), importRoster: true);

    public static async Task<GridHarness> StartAsync(Action<ISiloBuilder> storage, ManualTimeProvider clock, bool importRoster)
    {
        var silo = await TestSilo.StartAsync(clock, storage);
        if (importRoster)
        {
            await new RosterImport(silo.GrainFactory).ApplyAsync(TestDistrict.Create());
        }
        return new GridHarness(silo, clock);
    }

    /// <summary>Strikes a round: <paramref name="strikes"/> strikes <paramref name="gap"/> apart from <paramref name="start"/>.</summary>
    public async Task StrikeAsync(string deviceKey, DateTimeOffset start, int strikes, TimeSpan? gap = null)
    {
        for (var index = 0; index < strikes; index++)
        {
            var at = start + (index * (gap ?? TimeSpan.FromSeconds(4)));
            AdvanceTo(at);
            await SendAsync(deviceKey, new StrikeEvent(NextEventId(), at, Sequence()));
        }
    }

    /// <summary>Strikes the alarm: <paramref name="groups"/> groups of 3 strikes 0.4 s apart, 5 s between groups.</summary>
    public async Task StrikeAlarmAsync(string deviceKey, DateTimeOffset start, int groups = 2)
    {
        for (var group = 0; group < groups; group++)
        {
            await StrikeAsync(deviceKey, start + TimeSpan.FromSeconds(6 * group), 3, TimeSpan.FromMilliseconds(400));
        }
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>, firing timers on the way; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Clock.GetUtcNow())
        {
            Clock.Advance(instant - Clock.GetUtcNow());
        }
    }

    public Task<EventReceipt> SendAsync(string deviceKey, DeviceEvent deviceEvent) => Ingest.IngestAsync(deviceKey, deviceEvent);

    public string NextEventId() => $"e-{Sequence()}";

    public long Sequence() => Interlocked.Increment(ref _sequence);

    /// <summary>
    /// Moves the clock past the close (23:00 local) of the night <paramref name="nightsLater"/> after <see cref="Night"/>
    /// and waits for every village to finalise it.
    /// </summary>
    public async Task CloseNightAsync(int nightsLater = 0)
    {
        AdvanceTo(PeaceTime.AddDays(nightsLater).AddHours(1).AddSeconds(1));
        await Eventually.Until(() => District.GetNightSummaryAsync(Night.AddDays(nightsLater)), summary => summary.IsFinal);
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
