using System.Diagnostics;
using System.Text;

namespace GongGrid.Interop.Tests.Support;

/// <summary>
/// <c>node tests/interop/mqtt-devices.mjs</c>: mqtt.js playing a village's devices (and a speaker waiting for a
/// command). Its output is read line by line as it comes, so the test can act when the script says it waits.
/// </summary>
public sealed class MqttDevicesScript : IAsyncDisposable
{
    /// <summary>The script takes seconds; this only stops a hung run.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly List<string> _output = [];
    private readonly CancellationTokenSource _deadline = new(Deadline);
    private readonly CancellationTokenRegistration _killAtDeadline;

    private MqttDevicesScript(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
        _killAtDeadline = _deadline.Token.Register(Kill);
    }

    /// <summary>What the script printed so far, and its standard error once it ended.</summary>
    public string Output => string.Join('\n', _output) + (_errors.IsCompleted && _errors.Result.Length > 0 ? $"\nstandard error:\n{_errors.Result}" : "");

    public static MqttDevicesScript Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropScript.InstalledDirectory("mqtt"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("mqtt-devices.mjs");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new MqttDevicesScript(InteropScript.StartNode(start));
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/> and returns it; null when the script ended first.</summary>
    public async Task<string?> ReadUntilAsync(string prefix)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            _output.Add(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>Reads the rest of the output and returns the exit code (-1 when killed at the deadline).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await ReadUntilAsync("\0never");
        await _process.WaitForExitAsync();
        await _errors;
        return _deadline.IsCancellationRequested ? -1 : _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _killAtDeadline.DisposeAsync();
        Kill();
        await _process.WaitForExitAsync();
        _deadline.Dispose();
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
