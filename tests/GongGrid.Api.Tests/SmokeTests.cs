using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using Grpc.Core;

namespace GongGrid.Api.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task District_police_get_tonights_summary_and_commune_police_are_refused_it()
    {
        await using var silo = await ApiSilo.StartAsync();
        var client = new DistrictService.DistrictServiceClient(silo.Channel);

        var summary = await client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = ApiSilo.District }, ApiSilo.As(ApiSilo.DistrictToken));
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = ApiSilo.District }, ApiSilo.As(ApiSilo.CommuneToken)).ResponseAsync);

        Assert.Equal("2026-11-22", summary.Night);
        Assert.Equal(250, summary.Totals.Villages);
        Assert.Equal(250, summary.Totals.Pending);
        Assert.Equal(250, summary.Communes.Sum(commune => commune.NotOnTime.Count));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
