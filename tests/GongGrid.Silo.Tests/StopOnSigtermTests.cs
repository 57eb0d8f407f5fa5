using GongGrid.Testing;

namespace GongGrid.Silo.Tests;

/// <summary>
/// Every long-running command stops on SIGTERM, as systemd, Kubernetes or an operator's kill asks it to (issue 14:
/// the demo once ignored SIGTERM and played on past 23:00).
/// </summary>
public sealed class StopOnSigtermTests
{
    /// <summary>Far less than the two hours of night the demo plays, or forever for serve.</summary>
    private static readonly SiloProcessOptions Patient = new(Deadline: TimeSpan.FromSeconds(90));

    [Theory]
    [InlineData("serving gRPC on", "serve", "--listen", "http://127.0.0.1:0")]
    [InlineData("Playing the night of", "demo", "--speed", "1")]
    [InlineData("Playing the night of", "demo", "--speed", "1", "--direct", "--storage", "memory")]
    public async Task A_running_command_stops_on_sigterm(string running, params string[] command)
    {
        using var scratch = new ScratchDirectory();
        await using var silo = SiloProcess.Start(scratch.Path, Patient, [.. command, "--data", scratch.Data]);
        while (await silo.ReadLineAsync() is { } line && !line.Contains(running, StringComparison.Ordinal))
        {
        }

        var stopped = await silo.TerminateAsync();

        Assert.Contains(stopped.Output, line => line.Contains(running, StringComparison.Ordinal));
        Assert.DoesNotContain(stopped.Output, line => line.StartsWith("Kẻng bình yên", StringComparison.Ordinal));
    }
}
