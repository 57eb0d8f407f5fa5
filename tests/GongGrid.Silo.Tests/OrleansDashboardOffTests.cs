using System.Net;
using GongGrid.Silo.Tests.Support;

namespace GongGrid.Silo.Tests;

/// <summary>Without GongGrid:OrleansDashboard:Listen a silo serves no Orleans Dashboard anywhere, as before it existed.</summary>
public sealed class OrleansDashboardOffTests
{
    [Fact]
    public async Task A_silo_not_told_to_serve_the_Orleans_dashboard_serves_only_the_police_page()
    {
        await using var silo = await OperatorSilo.StartAsync(orleansDashboard: false);

        Assert.Null(silo.OrleansDashboard);
        Assert.DoesNotContain(silo.Printed, line => line.Contains("Orleans dashboard", StringComparison.OrdinalIgnoreCase));
        using var page = await OperatorSilo.GetAsync(silo.PoliceDashboard, authorization: null);
        Assert.Contains("<title>Kẻng bình yên</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "/DashboardCounters", "/GrainTypes", "/Trace", "/index.min.js" })
        {
            using var response = await OperatorSilo.GetAsync(new Uri(silo.PoliceDashboard, path), OperatorSilo.Bearer(OperatorSilo.AdminToken));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
