using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Tests.Support;

namespace GongGrid.Grains.Tests.Grains;

/// <summary>
/// A commune's counts delivered out of order: an activation on a silo that froze sends its report when the silo
/// wakes, after the commune's new activation elsewhere has sent newer counts. The district keeps the newer ones.
/// </summary>
public sealed class LateTallyTests
{
    private const string XaA = "test-huyen/xa-a";

    [Fact]
    public async Task Counts_a_commune_sent_before_newer_ones_do_not_overwrite_them_when_they_arrive_late()
    {
        await using var grid = await GridHarness.StartAsync();
        var newer = new CommuneNightTally(XaA, GridHarness.Night, new OutcomeCounts(OnTime: 2), Revision: 7);
        var older = new CommuneNightTally(XaA, GridHarness.Night, new OutcomeCounts(OnTime: 1, Pending: 1), Revision: 6);

        await grid.District.RecordCommuneNightAsync(newer);
        await grid.District.RecordCommuneNightAsync(older);

        var summary = await grid.District.GetNightSummaryAsync(GridHarness.Night);
        Assert.Equal(new OutcomeCounts(OnTime: 2), summary.Communes.Single(commune => commune.CommuneKey == XaA).Counts);
    }
}
