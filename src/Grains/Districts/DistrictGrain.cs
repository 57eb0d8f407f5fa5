using GongGrid.Grains.Aggregates;
using GongGrid.Grains.Alarms;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace GongGrid.Grains.Districts;

/// <summary>
/// A district: the top of the tree. Communes push counts, alarms and device problems up to it, so "how many
/// villages struck on time tonight" is a sum over its communes' live counts, never a scan of villages. The counts are
/// not stored here: every commune stores its villages' outcomes, and the district asks its communes for their counts
/// when it activates. Storing them cost a write per village report, each rewriting two weeks of counts, and at 23:00
/// every village in the country reports.
/// </summary>
[GrainType("district")]
public sealed class DistrictGrain(
    [PersistentState("district", GridStore.Name)] IPersistentState<DistrictState> district,
    ILogger<DistrictGrain> logger) : Grain, IDistrictGrain
{
    private readonly AlarmWatchers _alarmWatchers = new(logger);

    private readonly List<NightEntries<OutcomeCounts>> _nights = [];

    private DistrictSetup Setup => district.State.Setup
        ?? throw new NotInRosterException("District", this.GetPrimaryKeyString(), "; import one first");

    public async Task ConfigureAsync(DistrictSetup setup)
    {
        district.State.Setup = setup;
        await district.WriteOrDeactivateAsync(this);
    }

    public Task<DistrictSetup> GetSetupAsync() => Task.FromResult(Setup);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (district.State.Setup is { } setup)
        {
            var tallies = await Task.WhenAll(setup.Communes.Select(commune => GrainFactory.Get<ICommuneGrain>(commune.Key).GetTalliesAsync()));
            foreach (var tally in tallies.SelectMany(communeTallies => communeTallies))
            {
                Keep(tally);
            }
        }
    }

    public Task RecordCommuneNightAsync(CommuneNightTally tally)
    {
        Keep(tally);
        return Task.CompletedTask;
    }

    private void Keep(CommuneNightTally tally)
    {
        if (RecentNights.GetOrAdd(_nights, tally.Night) is not { } communes
            || communes.SourceRevisions.GetValueOrDefault(tally.CommuneKey) > tally.Revision)
        {
            return; // too old a night, or overtaken by newer counts
        }
        communes.Entries[tally.CommuneKey] = tally.Counts;
        communes.SourceRevisions[tally.CommuneKey] = tally.Revision;
    }

    public async Task RecordAlarmAsync(Alarm alarm)
    {
        if (LiveBoard.Apply(district.State.LiveAlarms, alarm))
        {
            await district.WriteOrDeactivateAsync(this);
            _alarmWatchers.Tell(alarm);
        }
    }

    public async Task RecordDeviceStatusAsync(DeviceStatus status)
    {
        if (LiveBoard.Apply(district.State.DevicesNeedingAttention, status))
        {
            await district.WriteOrDeactivateAsync(this);
        }
    }

    public Task<bool> WatchAlarmsAsync(IAlarmWatcher watcher) => Task.FromResult(_alarmWatchers.Watch(watcher));

    public Task<DistrictNightSummary> GetNightSummaryAsync(DateOnly night)
    {
        var setup = Setup;
        if (RecentNights.IsForgotten(_nights, night))
        {
            throw new ArgumentOutOfRangeException(nameof(night), night,
                $"District '{setup.Key}' keeps live counts for the last {RecentNights.Kept} nights; use village history or the quarterly report for {night:yyyy-MM-dd}.");
        }
        var tallies = RecentNights.Find(_nights, night);
        var lines = setup.Communes
            .Select(commune => new CommuneNightLine(commune.Key, commune.Name,
                tallies?.GetValueOrDefault(commune.Key) ?? new OutcomeCounts(Pending: commune.Villages)))
            .ToList();
        var totals = lines.Aggregate(OutcomeCounts.None, (sum, line) => sum.Plus(line.Counts));
        // Final when every village has closed the night on its own reminder, not when the district's clock says so:
        // villages close a little after 23:00, and a commune may keep its window open later.
        var isFinal = totals.Final == totals.Villages;
        return Task.FromResult(new DistrictNightSummary(setup.Key, setup.Name, night, isFinal, totals, lines));
    }

    public Task<IReadOnlyList<Alarm>> GetLiveAlarmsAsync() => Task.FromResult(LiveBoard.Newest(district.State.LiveAlarms));

    public Task<IReadOnlyList<DeviceStatus>> GetDevicesNeedingAttentionAsync() =>
        Task.FromResult(LiveBoard.ByKey(district.State.DevicesNeedingAttention));
}
