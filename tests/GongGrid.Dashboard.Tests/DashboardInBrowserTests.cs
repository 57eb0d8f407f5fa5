using GongGrid.Api.V1;
using GongGrid.Dashboard.Tests.Support;
using GongGrid.Testing;
using Xunit.Abstractions;

namespace GongGrid.Dashboard.Tests;

/// <summary>
/// The police dashboard in a real browser against a real silo process while a simulated night plays through the
/// ingest path. The checks a user would notice are in tests/dashboard/dashboard.mjs; this test plays the night,
/// presses the alarm button when the page is ready for it, and leaves the screenshots in the test output.
/// </summary>
public sealed class DashboardInBrowserTests(ITestOutputHelper output)
{
    /// <summary>An alarm button of Ngọc Liên, the commune officer's commune (samples/ngoc-lac.roster.json).</summary>
    private const string AlarmButton = "ngoc-lac/ngoc-lien/phu-thuong/alarm-button-1";

    [Fact]
    public async Task Officers_sign_in_watch_tonight_change_handle_an_alarm_drill_down_switch_language_and_download_reports()
    {
        var screenshots = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");
        using var downloads = new ScratchDirectory();
        Directory.CreateDirectory(screenshots);
        await using var silo = await DashboardSilo.StartAsync();
        await using var night = NightPlayer.Start(silo);
        await using var browser = BrowserScript.Start(silo, screenshots, downloads.Path);

        try
        {
            var ask = await browser.WaitForLineAsync(line => line.StartsWith(BrowserScript.Ask, StringComparison.Ordinal) || Failed(line), TimeSpan.FromMinutes(3));
            Assert.True(ask == $"{BrowserScript.Ask}press the alarm button", browser.Describe());
            var ack = await night.PressAlarmButtonAsync(AlarmButton);
            Assert.Equal(Disposition.Applied, ack.Disposition);
            await browser.WriteLineAsync($"pressed {AlarmButton}");

            var end = await browser.WaitForLineAsync(line => line == BrowserScript.Passed || Failed(line), TimeSpan.FromMinutes(4));
            Assert.True(end == BrowserScript.Passed, browser.Describe());
        }
        finally
        {
            output.WriteLine(browser.Describe());
            output.WriteLine($"night player: {night.Applied} events applied; screenshots in {screenshots}");
        }
    }

    private static bool Failed(string line) => line.StartsWith("not ok", StringComparison.Ordinal);
}
