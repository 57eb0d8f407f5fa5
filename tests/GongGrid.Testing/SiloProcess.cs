using System.Diagnostics;
using System.Text;
using GongGrid.Testing.Processes;

namespace GongGrid.Testing;

/// <summary>
/// The silo executable as an operator runs it: <c>dotnet GongGrid.Silo.dll COMMAND ...</c> in a working directory,
/// its own process. Standard output is read line by line as it comes, so a test can act in the middle of a run
/// (kill it). Every process has a deadline: past it, it is killed and the test fails instead of hanging. The test
/// project references src/Silo, so the silo's build output lies beside the test assembly.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Far longer than any command here takes (a few seconds), well inside a test's minute.</summary>
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(40);

    private static readonly string SiloDll = Path.Combine(AppContext.BaseDirectory, "GongGrid.Silo.dll");

    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly List<string> _output = [];
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenRegistration _killAtDeadline;

    private SiloProcess(Process process, TimeSpan deadline)
    {
        _process = process;
        _process.StandardInput.AutoFlush = true;
        _errors = process.StandardError.ReadToEndAsync();
        _deadline = new CancellationTokenSource(deadline);
        _killAtDeadline = _deadline.Token.Register(Kill);
    }

    public string CommandLine => string.Join(' ', _process.StartInfo.ArgumentList.Skip(1));

    public static SiloProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new SiloProcessOptions(), args);

    /// <summary>Starts a command with its own deadline and environment (a <c>serve</c> that others call meanwhile).</summary>
    public static SiloProcess Start(string workingDirectory, SiloProcessOptions options, params string[] args)
    {
        var start = ChildProcess.Redirected(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", workingDirectory);
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(SiloDll);
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the silo {SiloDll}.");
        return new SiloProcess(process, options.Deadline ?? DefaultDeadline);
    }

    /// <summary>Runs a command to its end and returns what it printed.</summary>
    public static async Task<SiloRun> RunAsync(string workingDirectory, params string[] args)
    {
        await using var silo = Start(workingDirectory, args);
        return await silo.WaitForExitAsync();
    }

    /// <summary>The next line the silo printed, or null once its output has ended (it exited or was killed).</summary>
    public async Task<string?> ReadLineAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync();
        if (line is not null)
        {
            _output.Add(line);
        }
        return line;
    }

    /// <summary>Sends a line to the silo's standard input (for <c>ingest -</c>).</summary>
    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>
    /// SIGKILL on Linux: no shutdown hook, no flush, no dispose runs in the silo. The silo is one process (the
    /// dotnet host runs it in place), so no tree walk: that reads all of /proc and lets the silo run on for ~100 ms.
    /// </summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // it has already exited
        }
    }

    /// <summary>SIGTERM, as systemd, Kubernetes or an operator's kill stops the silo; then reads the rest of its output and waits for its end.</summary>
    public async Task<SiloRun> TerminateAsync()
    {
        await ProcessSignal.SendAsync(_process, "TERM");
        return await WaitForExitAsync();
    }

    /// <summary>Reads the rest of the output and waits for the process to end; throws when it ran past its deadline.</summary>
    public async Task<SiloRun> WaitForExitAsync()
    {
        while (await ReadLineAsync() is not null)
        {
        }
        await _process.WaitForExitAsync();
        var errors = await _errors;
        if (_deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"'{CommandLine}' was still running at its deadline and was killed. Output:\n{string.Join('\n', _output)}\nErrors:\n{errors}");
        }
        return new SiloRun(_process.ExitCode, _output.ToList(), errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _killAtDeadline.DisposeAsync();
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
        _deadline.Dispose();
        _process.Dispose();
    }
}

/// <summary>How a silo process is started: extra environment variables, and a deadline other than the default.</summary>
public sealed record SiloProcessOptions(IReadOnlyDictionary<string, string>? Environment = null, TimeSpan? Deadline = null)
{
    public IReadOnlyDictionary<string, string> Environment { get; } = Environment ?? new Dictionary<string, string>();
}

/// <summary>How a silo command ended: its exit code, its standard output lines and its standard error.</summary>
public sealed record SiloRun(int ExitCode, IReadOnlyList<string> Output, string Errors)
{
    public string Text => string.Join('\n', Output);

    public override string ToString() => $"exit code {ExitCode}\n{Text}\n{Errors}";
}
