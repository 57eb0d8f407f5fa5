using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GongGrid.Silo.Demo;

/// <summary>
/// A mosquitto broker for the demo, on a free loopback port, configured as a village broker should be: a high
/// in-flight limit so the bridge's journal can batch fsyncs, a deep queue for its persistent session, no Nagle
/// delay (without it a subscriber's rate sometimes collapses to a few thousand messages a second), and a
/// message size limit.
/// </summary>
public sealed class LocalBroker : IAsyncDisposable
{
    /// <summary>
    /// Payloads the broker takes, at most: device events are at most 4 KiB (docs/mqtt.md), so anything far larger
    /// is dropped at the broker (acknowledged to the device) and never reaches the bridge. Between the two limits the
    /// bridge refuses the message itself, counted as a bad payload, so an operator sees which device misbehaves.
    /// </summary>
    public const int MessageSizeLimit = 64 * 1024;

    private readonly Process _process;

    private LocalBroker(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Null when mosquitto is not installed.</summary>
    public static async Task<LocalBroker?> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"listener {port} 127.0.0.1",
            "allow_anonymous true",
            "max_inflight_messages 1000",
            "max_queued_messages 1000000",
            "set_tcp_nodelay true",
            $"message_size_limit {MessageSizeLimit}",
        ], cancellationToken);
        var process = Process.Start(new ProcessStartInfo(binary, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"{binary} did not start.");
        var broker = new LocalBroker(process, port);
        await broker.WaitUntilListeningAsync(cancellationToken);
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start: {await _process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on port {Port} within 5 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
