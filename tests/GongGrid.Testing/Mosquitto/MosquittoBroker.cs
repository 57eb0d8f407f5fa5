using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GongGrid.Testing.Network;

namespace GongGrid.Testing.Mosquitto;

/// <summary>
/// A real mosquitto broker for tests: its own temp directory with a generated config, a free loopback port,
/// persistence on (so a graceful restart keeps persistent sessions and their queued messages), and handles to
/// freeze (SIGSTOP), kill, stop and restart it on the same port.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly MosquittoOptions _options;
    private readonly string _configPath;
    private Process? _process;

    private MosquittoBroker(MosquittoOptions options, string directory, int port)
    {
        _options = options;
        Directory = directory;
        Port = port;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Config, password file, persistence database and log live here.</summary>
    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The broker's own log so far (connects, disconnects, will publications), for failure messages.</summary>
    public string Log => File.Exists(LogPath) ? ReadShared(LogPath) : "";

    private string LogPath => Path.Combine(Directory, "mosquitto.log");

    public static async Task<MosquittoBroker> StartAsync(MosquittoOptions? options = null)
    {
        options ??= new MosquittoOptions();
        var directory = System.IO.Directory.CreateTempSubdirectory("gonggrid-mosquitto-").FullName;
        var broker = new MosquittoBroker(options, directory, FreeTcpPort.Next());
        try
        {
            await broker.WriteConfigAsync();
            await broker.LaunchAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The path of a mosquitto executable (mosquitto, mosquitto_passwd, mosquitto_sub, ...): /usr/sbin, /usr/bin,
    /// then PATH. Fails with an install hint when missing.
    /// </summary>
    public static string FindExecutable(string name)
    {
        var searched = new[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in searched)
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            $"'{name}' was not found in /usr/sbin, /usr/bin or PATH. The MQTT tests need a real broker: apt-get install mosquitto mosquitto-clients.");
    }

    /// <summary>Freezes the broker (SIGSTOP): its sockets stay open but nothing answers, as with a dead link.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>SIGKILL: no persistence is written, so sessions since the last save are lost.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM: mosquitto saves its persistence database (sessions, queued messages) and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        await SignalAsync("CONT");
        await SignalAsync("TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts the broker again on the same port with the same config and persistence.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the system later.
        }
    }

    private async Task WriteConfigAsync()
    {
        var config = new StringBuilder()
            .AppendLine($"listener {Port} 127.0.0.1")
            .AppendLine(_options.Tls is { } tls ? $"certfile {tls.CertificateFile}\nkeyfile {tls.KeyFile}" : "")
            .AppendLine($"allow_anonymous {(_options.Users.Count == 0 ? "true" : "false")}")
            .AppendLine("persistence true")
            .AppendLine($"persistence_location {Directory}/")
            .AppendLine($"max_queued_messages {_options.MaxQueuedMessages}")
            .AppendLine($"max_inflight_messages {_options.MaxInflightMessages}")
            .AppendLine("set_tcp_nodelay true")
            .AppendLine($"message_size_limit {_options.MessageSizeLimit}")
            .AppendLine($"log_dest file {LogPath}")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine(_options.LogPackets ? "log_type debug" : "")
            .AppendLine("connection_messages true");
        if (Environment.UserName == "root")
        {
            // Otherwise mosquitto drops to the 'mosquitto' user, which cannot write to this directory.
            config.AppendLine("user root");
        }
        if (_options.Users.Count > 0)
        {
            var passwords = Path.Combine(Directory, "passwd");
            await File.WriteAllTextAsync(passwords, "");
            foreach (var (user, password) in _options.Users)
            {
                await RunAsync(FindExecutable("mosquitto_passwd"), "-b", passwords, user, password);
            }
            config.AppendLine($"password_file {passwords}");
        }
        await File.WriteAllTextAsync(_configPath, config.ToString());
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(FindExecutable("mosquitto"), ["-c", _configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process?.Dispose();
        var process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start.");
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode}: {await stderr}\n{Log}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new TimeoutException($"mosquitto did not listen on port {Port} within 10 s.\n{Log}");
    }

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            await RunAsync("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
