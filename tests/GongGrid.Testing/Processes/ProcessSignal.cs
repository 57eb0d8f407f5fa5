using System.Diagnostics;
using System.Globalization;

namespace GongGrid.Testing.Processes;

/// <summary>Sends a Unix signal (TERM, STOP, CONT) to a child process with kill(1); .NET itself can only SIGKILL.</summary>
public static class ProcessSignal
{
    public static async Task SendAsync(Process process, string signal)
    {
        if (process.HasExited)
        {
            return;
        }
        var start = new ProcessStartInfo("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false };
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
    }
}
