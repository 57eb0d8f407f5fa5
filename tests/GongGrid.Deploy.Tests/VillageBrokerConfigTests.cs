using GongGrid.Deploy.Tests.Support;
using GongGrid.Testing.Processes;

namespace GongGrid.Deploy.Tests;

/// <summary>deploy/mosquitto/mosquitto.conf: the settings the bridge and the loss figures depend on, and the dev overlay running it as written.</summary>
public sealed class VillageBrokerConfigTests
{
    private static readonly Dictionary<string, string> Settings = File.ReadAllLines(ProjectOutput.RepositoryFile("deploy/mosquitto/mosquitto.conf"))
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split(' ', 2))
        .GroupBy(pair => pair[0]) // log_type repeats; the settings checked here do not
        .ToDictionary(group => group.Key, group => group.Last()[1]);

    [Fact]
    public void The_broker_saves_its_sessions_after_every_change_so_a_crash_loses_no_acknowledged_event()
    {
        Assert.Equal("true", Settings["persistence"]);
        Assert.Equal("true", Settings["autosave_on_changes"]);
        Assert.Equal("1", Settings["autosave_interval"]);
    }

    [Fact]
    public void The_broker_refuses_anonymous_devices_takes_payloads_up_to_64_KiB_and_sends_without_delay()
    {
        Assert.Equal("false", Settings["allow_anonymous"]);
        Assert.Equal((64 * 1024).ToString(), Settings["message_size_limit"]);
        Assert.Equal("true", Settings["set_tcp_nodelay"]);
    }

    [Fact]
    public void The_dev_broker_keeps_its_persistence_on_a_volume_and_serves_the_configured_listener()
    {
        var rendered = Rendered.Of("dev");
        var pod = rendered.Single("Deployment", "mosquitto")["spec"]!["template"]!;
        var mounts = pod["spec"]!["containers"]![0]!["volumeMounts"]!.AsArray();
        var data = Assert.Single(mounts, mount => (string?)mount!["mountPath"] + "/" == Settings["persistence_location"]);
        var volume = Assert.Single(pod["spec"]!["volumes"]!.AsArray(), volume => (string?)volume!["name"] == (string?)data!["name"]);

        Assert.NotNull(volume!["persistentVolumeClaim"]);
        Assert.Contains(mounts, mount => (string?)mount!["mountPath"] == Settings["password_file"]);
        Assert.Equal(Settings["listener"], (string?)rendered.Single("Service", "mosquitto")["spec"]!["ports"]![0]!["port"]);
    }
}
