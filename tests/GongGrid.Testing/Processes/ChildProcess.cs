using System.Diagnostics;
using System.Text;

namespace GongGrid.Testing.Processes;

/// <summary>
/// A program a test runs as its own process (a silo, an edge bridge): standard output and error are collected
/// line by line as they come, a test can wait for a line, send SIGTERM or SIGKILL, and the process is killed at a
/// deadline or on dispose so no test leaves one behind. Only processes started here are ever signalled, by id.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptErrorLines = 5000;
    private const int DescribedErrorLines = 150;

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _output = [];
    private readonly Queue<string> _errors = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _outputEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenRegistration _killAtDeadline;

    private ChildProcess(string name, Process process, TimeSpan deadline)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, line) => OnOutput(line.Data);
        _process.ErrorDataReceived += (_, line) => OnError(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _deadline = new CancellationTokenSource(deadline);
        _killAtDeadline = _deadline.Token.Register(Kill);
    }

    /// <summary>What the test calls it in messages ("bridge", "silo").</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The last few thousand lines of standard error (logs).</summary>
    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    /// <summary>
    /// Starts <c>dotnet DLL ARGS</c> (the host that runs the tests when it says so, else dotnet on PATH). Past
    /// <paramref name="deadline"/> (default two minutes) the process is killed, so a hung child cannot hang the run.
    /// </summary>
    public static ChildProcess StartDotnet(string name, string dll, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? deadline = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({dll}).");
        return new ChildProcess(name, process, deadline ?? TimeSpan.FromMinutes(2));
    }

    /// <summary>A process with its standard streams redirected as UTF-8 (no byte-order mark on its input).</summary>
    public static ProcessStartInfo Redirected(string fileName, string workingDirectory) => new(fileName)
    {
        WorkingDirectory = workingDirectory,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        StandardOutputEncoding = Encoding.UTF8,
        StandardErrorEncoding = Encoding.UTF8,
        UseShellExecute = false,
    };

    /// <summary>
    /// Starts <c>node SCRIPT</c> in <paramref name="workingDirectory"/> with <paramref name="environment"/> added, its
    /// standard input open for <see cref="WriteLineAsync"/>. When node is not installed the failure says who installs it.
    /// </summary>
    public static ChildProcess StartNode(string name, string script, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan deadline)
    {
        var start = Redirected("node", workingDirectory);
        start.ArgumentList.Add(script);
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} (node {script}).");
            return new ChildProcess(name, process, deadline);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"node is not on PATH ({missing.Message}): scripts/test.sh installs it; run it once.", missing);
        }
    }

    /// <summary>Sends a line to the process's standard input (only for processes started with it open).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>
    /// The first output line (already printed or still to come) that <paramref name="match"/> accepts; throws with
    /// the output and log when the process ends first or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }
            _waiters.Add((match, found));
        }
        var ended = await Task.WhenAny(found.Task, _outputEnded.Task, Task.Delay(timeout));
        if (ended == found.Task)
        {
            return await found.Task;
        }
        lock (_gate)
        {
            _waiters.RemoveAll(waiter => waiter.Found == found);
        }
        var why = ended == _outputEnded.Task ? $"ended (exit code {ExitCodeText()})" : $"printed no such line within {timeout.TotalSeconds:F0} s";
        throw new TimeoutException($"{Name} {why}.\n{Describe()}");
    }

    /// <summary>SIGKILL: no shutdown code runs in the child. Safe to call when it has already exited.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process freezes with its sockets open, as a hung server looks to its clients.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>SIGTERM and waits for a graceful exit; kills it if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await SignalAsync("TERM");
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:F0} s of SIGTERM and was killed.\n{Describe()}");
        }
        return _process.ExitCode;
    }

    /// <summary>The command line, exit state, output and recent log, for assertion messages.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"--- {Name}: {string.Join(' ', _process.StartInfo.ArgumentList)}\n--- output:\n{string.Join('\n', _output)}\n--- log (last lines):\n{string.Join('\n', _errors.TakeLast(DescribedErrorLines))}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _killAtDeadline.DisposeAsync();
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _deadline.Dispose();
        _process.Dispose();
    }

    private string ExitCodeText() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            _outputEnded.TrySetResult();
            return;
        }
        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _output.Add(line);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                matched.Add(waiter.Found);
            }
        }
        matched.ForEach(found => found.TrySetResult(line));
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _errors.Enqueue(line);
            if (_errors.Count > KeptErrorLines)
            {
                _errors.Dequeue();
            }
        }
    }

    private Task SignalAsync(string signal) => ProcessSignal.SendAsync(_process, signal);
}
