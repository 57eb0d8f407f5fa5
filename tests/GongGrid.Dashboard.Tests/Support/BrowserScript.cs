using GongGrid.Testing;
using GongGrid.Testing.Processes;

namespace GongGrid.Dashboard.Tests.Support;

/// <summary>
/// <c>node tests/dashboard/dashboard.mjs</c>: headless Debian Chromium, driven by playwright-core, going through the
/// dashboard as the officers would. It prints "ok - …" per check; it asks the test to act by printing a line that
/// starts with "ask:", and waits for the answer on its standard input.
/// </summary>
public static class BrowserScript
{
    public const string Passed = "dashboard checks passed";
    public const string Ask = "ask: ";

    /// <summary>Chromium's start and every check take about a minute, longer on a loaded machine; this only stops a hung run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    private const string Install = "scripts/test.sh installs chromium and node and runs `npm ci --prefix tests/dashboard`; run it once";

    public static ChildProcess Start(ServedSilo silo, string screenshots, string downloads)
    {
        var directory = Path.Combine(ProjectOutput.RepositoryRoot, "tests", "dashboard");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException($"{directory}/node_modules/playwright-core is missing: {Install}.");
        }

        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException($"/usr/bin/chromium is missing: {Install}.");
        }

        var environment = new Dictionary<string, string>
        {
            ["DASHBOARD_URL"] = silo.DashboardAddress ?? throw new InvalidOperationException("the silo serves no dashboard"),
            ["DISTRICT_TOKEN"] = silo.Token(DashboardSilo.DistrictToken),
            ["COMMUNE_TOKEN"] = silo.Token(DashboardSilo.CommuneToken),
            ["DISTRICT_OFFICER"] = DashboardSilo.DistrictOfficer,
            ["COMMUNE"] = DashboardSilo.Commune,
            ["OTHER_COMMUNE"] = DashboardSilo.OtherCommune,
            ["NIGHT"] = DashboardSilo.Night,
            ["SCREENSHOTS"] = screenshots,
            ["DOWNLOADS"] = downloads,
        };
        return ChildProcess.StartNode("dashboard.mjs", "dashboard.mjs", directory, environment, Deadline);
    }
}
