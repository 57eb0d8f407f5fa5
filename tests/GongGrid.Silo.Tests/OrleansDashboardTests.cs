using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GongGrid.Silo.Tests.Support;
using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>
/// The Orleans Dashboard for operators, served by a real silo process on its own port (GongGrid:OrleansDashboard:Listen)
/// and opened only with an admin token: its page, its API and its live log stream.
/// </summary>
public sealed class OrleansDashboardTests(OrleansDashboardTests.DashboardSilo silo) : IClassFixture<OrleansDashboardTests.DashboardSilo>
{
    /// <summary>The page, an API call the page polls every second, another it makes per grain type, and its live log.</summary>
    public static readonly TheoryData<string> DashboardPaths = new() { "/", "/DashboardCounters", "/GrainTypes", "/Trace" };

    [Fact]
    public async Task An_admin_token_opens_the_dashboard_page_with_a_browser_sign_in()
    {
        var address = Assert.IsType<Uri>(silo.Silo.OrleansDashboard, exactMatch: false);
        Assert.Equal(silo.Silo.OrleansDashboardPort, address.Port);

        using var page = await OperatorSilo.GetAsync(address, OperatorSilo.Basic(OperatorSilo.AdminToken));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_admin_token_the_dashboard_shows_this_silo_active_and_the_grid_grains_it_hosts()
    {
        var address = Assert.IsType<Uri>(silo.Silo.OrleansDashboard, exactMatch: false);

        // The silo samples its counters every second: the roster import's village grains show after the first sample.
        var counters = await Eventually.Until(
            () => ReadJsonAsync(new Uri(address, "/DashboardCounters"), OperatorSilo.Bearer(OperatorSilo.AdminToken)),
            json => VillageActivations(json) == 250, // the sample district's villages, each activated by the import
            TimeSpan.FromSeconds(30));

        Assert.Equal(250, VillageActivations(counters));
        var host = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", host.GetProperty("status").GetString());
        var grainTypes = await ReadJsonAsync(new Uri(address, "/GrainTypes"), OperatorSilo.Basic(OperatorSilo.AdminToken));
        Assert.Contains(grainTypes.EnumerateArray(), type => type.GetString() == "GongGrid.Grains.Villages.VillageGrain");
    }

    [Theory]
    [MemberData(nameof(DashboardPaths))]
    public async Task Without_a_token_or_with_one_the_grid_does_not_know_the_dashboard_asks_for_a_sign_in_and_shows_nothing(string path)
    {
        var address = new Uri(Assert.IsType<Uri>(silo.Silo.OrleansDashboard, exactMatch: false), path);

        foreach (var authorization in new[] { null, OperatorSilo.Bearer("gg_not-a-token-of-this-grid"), OperatorSilo.Basic("gg_not-a-token-of-this-grid") })
        {
            using var response = await OperatorSilo.GetAsync(address, authorization);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
            AssertNoDashboardData(await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(DashboardPaths))]
    public async Task Police_tokens_are_refused_the_dashboard_even_with_the_browser_sign_in(string path)
    {
        var address = new Uri(Assert.IsType<Uri>(silo.Silo.OrleansDashboard, exactMatch: false), path);

        foreach (var token in new[] { OperatorSilo.DistrictPoliceToken, OperatorSilo.CommunePoliceToken })
        {
            foreach (var authorization in new[] { OperatorSilo.Bearer(token), OperatorSilo.Basic(token) })
            {
                using var response = await OperatorSilo.GetAsync(address, authorization);

                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                AssertNoDashboardData(await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task The_police_page_stays_on_its_own_port_and_the_operators_port_serves_nothing_else()
    {
        var operators = Assert.IsType<Uri>(silo.Silo.OrleansDashboard, exactMatch: false);

        using var police = await OperatorSilo.GetAsync(silo.Silo.PoliceDashboard, authorization: null);
        Assert.Contains("<title>Kẻng bình yên</title>", await police.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var orleansOnPolicePort = await OperatorSilo.GetAsync(new Uri(silo.Silo.PoliceDashboard, "/DashboardCounters"), OperatorSilo.Bearer(OperatorSilo.AdminToken));
        Assert.Equal(HttpStatusCode.NotFound, orleansOnPolicePort.StatusCode);
        using var policeOnOperatorsPort = await OperatorSilo.GetAsync(new Uri(operators, "/js/main.js"), OperatorSilo.Bearer(OperatorSilo.AdminToken));
        Assert.Equal(HttpStatusCode.NotFound, policeOnOperatorsPort.StatusCode);
    }

    private static int VillageActivations(JsonElement counters) =>
        counters.GetProperty("simpleGrainStats").EnumerateArray()
            .Where(stat => stat.GetProperty("grainType").GetString() == "GongGrid.Grains.Villages.VillageGrain")
            .Sum(stat => stat.GetProperty("activationCount").GetInt32());

    private static async Task<JsonElement> ReadJsonAsync(Uri address, AuthenticationHeaderValue authorization)
    {
        using var response = await OperatorSilo.GetAsync(address, authorization);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A refusal says why in a sentence; it carries no silo, grain type or log line.</summary>
    private static void AssertNoDashboardData(string body)
    {
        Assert.DoesNotContain("GongGrid.Grains", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hosts", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans Dashboard", body, StringComparison.Ordinal);
        Assert.True(body.Length < 200, $"a refusal of {body.Length} characters: {body}");
    }

    /// <summary>One silo for these tests, with the Orleans Dashboard on.</summary>
    public sealed class DashboardSilo : IAsyncLifetime
    {
        private OperatorSilo? _silo;

        public OperatorSilo Silo => _silo ?? throw new InvalidOperationException("the silo has not started");

        public async Task InitializeAsync() => _silo = await OperatorSilo.StartAsync(orleansDashboard: true);

        public async Task DisposeAsync()
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }
        }
    }
}
