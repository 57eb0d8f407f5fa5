using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>A page address (the Orleans Dashboard's, the metrics page's) that is not http://address:port stops <c>serve</c> with the setting named.</summary>
public sealed class PageListenSettingTests
{
    [Theory]
    [InlineData("GongGrid:OrleansDashboard:Listen", "127.0.0.1:8081")]
    [InlineData("GongGrid:OrleansDashboard:Listen", "http://gonggrid-silo:8081")]
    [InlineData("GongGrid:OrleansDashboard:Listen", "http://127.0.0.1:0")]
    [InlineData("GongGrid:Metrics:Listen", "http://gonggrid-silo:9464")]
    public async Task Serve_refuses_a_page_address_it_cannot_listen_on_and_names_the_setting(string setting, string listen)
    {
        using var scratch = new ScratchDirectory();

        var run = await SiloProcess.RunAsync(scratch.Path, "serve", "--storage", "memory", "--listen", "http://127.0.0.1:0", $"--{setting}={listen}");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"gonggrid: {setting} is", run.Errors, StringComparison.Ordinal);
        Assert.Contains(listen, run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Errors, StringComparison.Ordinal);
    }
}
