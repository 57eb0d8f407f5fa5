using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using GongGrid.Testing.Mosquitto;
using GongGrid.Testing.Network;
using GongGrid.Testing.Processes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace GongGrid.Benchmarks;

/// <summary>
/// The `broker-kill` scenario: what a kill -9 of the village broker loses, with the broker configuration shipped in
/// deploy/mosquitto/mosquitto.conf (only its port, paths, password file and autosave settings replaced). The bridge's
/// persistent session is away (as while it restarts), devices publish QoS 1 at a steady rate, the broker is killed
/// after a while, restarted on its persistence file, and the bridge's session drains what survived. Lost: events the
/// broker had acknowledged to a device (PUBACK, so the device will not send them again) that never reach the bridge.
/// </summary>
internal static partial class BrokerKillBenchmark
{
    private const int Rate = 200;
    private const string BridgeId = "bench-bridge";
    private static readonly double[] KillAfterSeconds = [3.3, 5.7, 8.1];
    /// <summary>autosave_interval in seconds, or with autosave_on_changes in changes (messages in, deliveries, sessions).</summary>
    private static readonly (int Interval, bool OnChanges)[] Autosaves = [(1800, false), (60, false), (5, false), (1, false), (100, true), (1, true)];

    public static async Task RunAsync()
    {
        Report.Heading($"broker-kill: deploy/mosquitto/mosquitto.conf, bridge session away, devices publish {Rate} QoS 1 events/s, kill -9, restart, drain");
        var shipped = File.ReadAllText(ProjectOutput.RepositoryFile("deploy/mosquitto/mosquitto.conf"));
        Console.WriteLine($"  shipped: autosave_interval {AutosaveInterval().Match(shipped).Groups[1].Value}, {Regex.Match(shipped, "^autosave_on_changes .*$", RegexOptions.Multiline).Value}");
        foreach (var autosave in Autosaves)
        {
            var name = autosave.OnChanges ? $"autosave_on_changes, every {autosave.Interval} changes" : $"autosave_interval {autosave.Interval} s";
            var lost = new List<double>();
            foreach (var killAfter in KillAfterSeconds)
            {
                var (acknowledged, delivered) = await KillOnceAsync(shipped, autosave, TimeSpan.FromSeconds(killAfter));
                lost.Add(acknowledged - delivered);
                Console.WriteLine($"    {name}: killed after {killAfter} s, {acknowledged} acknowledged to devices, {delivered} reached the bridge after the restart, {acknowledged - delivered} lost");
            }
            Report.Figure($"lost per kill, {name}", Report.Median(lost), "events", lost);
        }
    }

    private static async Task<(int Acknowledged, int Delivered)> KillOnceAsync(string shipped, (int Interval, bool OnChanges) autosave, TimeSpan killAfter)
    {
        var directory = Directory.CreateTempSubdirectory("gonggrid-broker-kill-");
        try
        {
            var port = FreeTcpPort.Next();
            var config = Path.Combine(directory.FullName, "mosquitto.conf");
            File.WriteAllText(config, Configure(shipped, port, directory.FullName, autosave));
            using (var broker = await StartAsync(config, port))
            {
                await (await ConnectAsync(port, BridgeId, subscribe: true)).DisconnectAsync();
                using var device = await ConnectAsync(port, "bench-device", subscribe: false);
                var acknowledged = await PublishUntilAsync(device, killAfter);
                broker.Kill();
                await broker.WaitForExitAsync();
                using var restarted = await StartAsync(config, port);
                var delivered = await DrainAsync(port);
                restarted.Kill();
                await restarted.WaitForExitAsync();
                return (acknowledged, delivered);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The shipped file with this run's listener, paths, no password file, and the autosave setting under test.</summary>
    private static string Configure(string shipped, int port, string directory, (int Interval, bool OnChanges) autosave)
    {
        var text = Regex.Replace(shipped, @"^listener .*$", $"listener {port} 127.0.0.1", RegexOptions.Multiline);
        text = Regex.Replace(text, @"^persistence_location .*$", $"persistence_location {directory}/", RegexOptions.Multiline);
        text = Regex.Replace(text, @"^allow_anonymous .*$", "allow_anonymous true", RegexOptions.Multiline);
        text = Regex.Replace(text, @"^password_file .*$", "", RegexOptions.Multiline);
        // Started as root, mosquitto drops to the user "mosquitto", which may not write this run's directory.
        text += Environment.UserName == "root" ? "\nuser root\n" : "";
        text = Regex.Replace(text, @"^autosave_on_changes .*$", $"autosave_on_changes {(autosave.OnChanges ? "true" : "false")}", RegexOptions.Multiline);
        return AutosaveInterval().Replace(text, $"autosave_interval {autosave.Interval}");
    }

    /// <summary>Publishes one numbered event every 1/<see cref="Rate"/> s until the kill; returns how many the broker acknowledged.</summary>
    private static async Task<int> PublishUntilAsync(IMqttClient device, TimeSpan killAfter)
    {
        var acknowledged = 0;
        var clock = Stopwatch.StartNew();
        for (var sequence = 0; clock.Elapsed < killAfter; sequence++)
        {
            var due = TimeSpan.FromSeconds((double)sequence / Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            await device.PublishAsync(new MqttApplicationMessage
            {
                Topic = "gonggrid/v1/bench/commune/village/gong-1/strike",
                Payload = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes($"{{\"eventId\":\"e-{sequence}\"}}")),
                QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            });
            acknowledged++;
        }
        return acknowledged;
    }

    /// <summary>The bridge's session back: counts distinct events until none has come for a second.</summary>
    private static async Task<int> DrainAsync(int port)
    {
        var seen = new HashSet<string>();
        var last = Stopwatch.StartNew();
        using var bridge = new MqttClientFactory().CreateMqttClient();
        bridge.ApplicationMessageReceivedAsync += message =>
        {
            lock (seen)
            {
                seen.Add(Encoding.UTF8.GetString(message.ApplicationMessage.Payload));
                last.Restart();
            }
            return Task.CompletedTask;
        };
        await bridge.ConnectAsync(Options(port, BridgeId));
        while (last.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(100);
        }
        await bridge.DisconnectAsync();
        lock (seen)
        {
            return seen.Count;
        }
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string clientId, bool subscribe)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(Options(port, clientId));
        if (subscribe)
        {
            await client.SubscribeAsync("gonggrid/v1/#", MqttQualityOfServiceLevel.AtLeastOnce);
        }
        return client;
    }

    private static MqttClientOptions Options(int port, string clientId) => new MqttClientOptionsBuilder()
        .WithProtocolVersion(MqttProtocolVersion.V311).WithTcpServer("127.0.0.1", port).WithClientId(clientId).WithCleanSession(false).Build();

    private static async Task<Process> StartAsync(string config, int port)
    {
        var broker = Process.Start(new ProcessStartInfo(MosquittoBroker.FindExecutable("mosquitto"), ["-c", config]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mosquitto did not start");
        _ = broker.StandardError.ReadToEndAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        broker.Kill();
        throw new InvalidOperationException($"mosquitto did not listen on {port}");
    }

    [GeneratedRegex(@"^autosave_interval (\d+)$", RegexOptions.Multiline)]
    private static partial Regex AutosaveInterval();
}
