using GongGrid.Grains.Aggregates;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Placement;
using GongGrid.Grains.Storage;

namespace GongGrid.Grains.Communes;

/// <summary>
/// A commune: keeps its villages' outcomes, alarms, device problems and coverage gaps live, and passes counts and
/// alarms up to the district. It writes its state on every change, so the counts survive a restart; outcomes are a
/// state of their own, so a village report writes only them.
/// </summary>
[GrainType("commune"), CommunePlacement]
public sealed class CommuneGrain(
    [PersistentState("commune", GridStore.Name)] IPersistentState<CommuneState> commune,
    [PersistentState("nights", GridStore.Name)] IPersistentState<LiveNights<NightOutcome>> nights) : Grain, ICommuneGrain
{
    private CommuneSetup Setup => commune.State.Setup
        ?? throw new NotInRosterException("Commune", this.GetPrimaryKeyString());

    private IDistrictGrain District => GrainFactory.Get<IDistrictGrain>(GrainKeys.District(this.GetPrimaryKeyString()));

    public async Task ConfigureAsync(CommuneSetup setup)
    {
        commune.State.Setup = setup;
        await commune.WriteOrDeactivateAsync(this);
    }

    public Task<CommuneSetup> GetSetupAsync() => Task.FromResult(Setup);

    public async Task RecordVillageNightAsync(VillageNight night)
    {
        var date = night.Outcome.Night;
        if (RecentNights.GetOrAdd(nights.State.Nights, date) is not { } villages)
        {
            return;
        }
        var before = Tally(date);
        // A village reports an outcome again after a crash may have cut its first report short, maybe between
        // this write and the district's: then pass the counts on again (the district ignores counts it has).
        var repeated = villages.Entries.GetValueOrDefault(night.VillageKey) == night.Outcome;
        villages.Entries[night.VillageKey] = night.Outcome;
        villages.Revision++;
        await nights.WriteOrDeactivateAsync(this);
        var after = Tally(date);
        if (after != before || repeated)
        {
            await District.RecordCommuneNightAsync(new CommuneNightTally(Setup.Key, date, after, villages.Revision));
        }
    }

    public async Task RecordAlarmAsync(Alarm alarm)
    {
        if (LiveBoard.Apply(commune.State.LiveAlarms, alarm))
        {
            await commune.WriteOrDeactivateAsync(this);
        }
        await District.RecordAlarmAsync(alarm);
    }

    public async Task RecordDeviceStatusAsync(DeviceStatus status)
    {
        if (LiveBoard.Apply(commune.State.DevicesNeedingAttention, status))
        {
            await commune.WriteOrDeactivateAsync(this);
            await District.RecordDeviceStatusAsync(status);
        }
    }

    public async Task RecordCoverageAsync(VillageCoverage coverage)
    {
        var gaps = commune.State.CoverageGaps;
        var known = gaps.GetValueOrDefault(coverage.VillageKey);
        var changed = coverage.Gaps.Count == 0
            ? gaps.Remove(coverage.VillageKey)
            : known is null || !known.Gaps.SequenceEqual(coverage.Gaps);
        if (coverage.Gaps.Count > 0)
        {
            gaps[coverage.VillageKey] = coverage;
        }
        if (changed)
        {
            await commune.WriteOrDeactivateAsync(this);
        }
    }

    public async Task<CommuneDetail> GetDetailAsync(DateOnly night)
    {
        var setup = Setup;
        var villages = await VillageLinesAsync(night);
        return new CommuneDetail(setup.Key, setup.Name, setup.Officer, night, Tally(night), villages,
            LiveBoard.Newest(commune.State.LiveAlarms), LiveBoard.ByKey(commune.State.DevicesNeedingAttention),
            commune.State.CoverageGaps.Values.OrderBy(coverage => coverage.VillageKey, StringComparer.Ordinal).ToList());
    }

    public async Task<IReadOnlyList<VillageNightLine>> GetVillagesNotOnTimeAsync(DateOnly night) =>
        (await VillageLinesAsync(night))
            .Where(line => line.Outcome.Kind is not (NightOutcomeKind.OnTime or NightOutcomeKind.SpeakerPlayback))
            .ToList();

    public Task<IReadOnlyList<CommuneNightTally>> GetTalliesAsync()
    {
        IReadOnlyList<CommuneNightTally> tallies = commune.State.Setup is { } setup
            ? [.. nights.State.Nights.Select(night => new CommuneNightTally(setup.Key, night.Night, Tally(night.Night), night.Revision))]
            : [];
        return Task.FromResult(tallies);
    }

    /// <summary>
    /// Each village's outcome. A village reports only changes of kind and its final outcome, so a provisional one
    /// heard here may have fewer strikes than the village has now: those few are asked of the villages themselves.
    /// </summary>
    private async Task<IReadOnlyList<VillageNightLine>> VillageLinesAsync(DateOnly night)
    {
        var outcomes = RecentNights.Find(nights.State.Nights, night);
        return await Task.WhenAll(Setup.Villages.Select(async village =>
        {
            var outcome = outcomes?.GetValueOrDefault(village.Key);
            if (outcome is { IsFinal: false, Kind: not NightOutcomeKind.Pending })
            {
                outcome = (await GrainFactory.Get<IVillageGrain>(village.Key).GetNightAsync(night)).Outcome;
            }
            return new VillageNightLine(village.Key, village.Name, outcome ?? new NightOutcome(night, NightOutcomeKind.Pending, 0, null, false));
        }));
    }

    /// <summary>Counts for a night; villages that have not reported yet are pending. Runs twice per village report, so it counts in place.</summary>
    private OutcomeCounts Tally(DateOnly night)
    {
        var outcomes = RecentNights.Find(nights.State.Nights, night);
        Span<int> villagesByKind = stackalloc int[OutcomeCounts.Kinds];
        var final = 0;
        foreach (var village in Setup.Villages)
        {
            var outcome = outcomes?.GetValueOrDefault(village.Key);
            villagesByKind[(int)(outcome?.Kind ?? NightOutcomeKind.Pending)]++;
            final += outcome?.IsFinal == true ? 1 : 0;
        }
        return OutcomeCounts.From(villagesByKind, final);
    }
}
