using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;
using GongGrid.Grains.Placement;
using GongGrid.Grains.Storage;

namespace GongGrid.Grains.Villages;

/// <summary>What a village roster grain persists.</summary>
[GenerateSerializer, Alias("gonggrid.VillageRosterState")]
public sealed class VillageRosterState
{
    [Id(0)]
    public VillageRoster? Roster { get; set; }
}

/// <summary>A village's roster entry, kept apart from the village so the village's activation stays small.</summary>
[GrainType("village-roster"), CommunePlacement]
public sealed class VillageRosterGrain([PersistentState("roster", GridStore.Name)] IPersistentState<VillageRosterState> roster) : Grain, IVillageRosterGrain
{
    private VillageRoster Roster => roster.State.Roster ?? throw new NotInRosterException("Village", this.GetPrimaryKeyString());

    public async Task ConfigureAsync(VillageRoster entry)
    {
        roster.State.Roster = entry;
        await roster.WriteOrDeactivateAsync(this);
    }

    public Task<VillageRoster> GetAsync() => Task.FromResult(Roster);

    public Task<IReadOnlyList<CoverageGap>> FindCoverageGapsAsync(IReadOnlyDictionary<string, DeviceCondition> conditions, double audibleRadiusMeters)
    {
        var devices = Roster.Devices.Select(device => device with { Condition = conditions.GetValueOrDefault(device.Slug, device.Condition) });
        return Task.FromResult(CoverageRule.FindGaps(Roster.Clusters, devices, audibleRadiusMeters));
    }
}
