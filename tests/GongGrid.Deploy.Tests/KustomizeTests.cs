using System.Text.Json.Nodes;
using GongGrid.Deploy.Tests.Support;

namespace GongGrid.Deploy.Tests;

/// <summary>
/// Every overlay of deploy/k8s rendered with <c>kubectl kustomize</c> (scripts/test.sh installs kubectl), and the
/// rendered objects checked against each other: what a cluster would only reveal at 22:00 with a pod that never
/// gets ready, a Service with no endpoints or a Secret that is not there.
/// </summary>
public sealed class KustomizeTests
{
    public static TheoryData<string> Overlays => ["dev", "production"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_selector_selects_pods_the_overlay_runs(string overlay)
    {
        var rendered = Rendered.Of(overlay);
        var pods = rendered.PodTemplates.ToList();
        var selectors = rendered.Objects
            .Where(item => (string?)item["kind"] is "Service" or "PodDisruptionBudget" or "Deployment" or "StatefulSet")
            .Select(item => (What: $"{item["kind"]}/{item["metadata"]!["name"]}", Selector: item["spec"]!["selector"]))
            .Concat(rendered.OfKind("NetworkPolicy").SelectMany(policy => PolicySelectors(policy)))
            .ToList();

        Assert.NotEmpty(selectors);
        Assert.All(selectors, selector => Assert.True(
            pods.Any(pod => Rendered.Selects(selector.Selector, pod.Pod["metadata"]?["labels"])),
            $"{overlay}: {selector.What} selects {selector.Selector?.ToJsonString()}, which no pod template carries"));
        Assert.All(rendered.Objects.Where(item => (string?)item["kind"] is "Deployment" or "StatefulSet"), owner => Assert.True(
            Rendered.Selects(owner["spec"]!["selector"], owner["spec"]!["template"]!["metadata"]!["labels"]), $"{owner["metadata"]!["name"]} does not select its own pods"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_port_is_a_port_its_pods_declare(string overlay)
    {
        var rendered = Rendered.Of(overlay);
        foreach (var service in rendered.OfKind("Service"))
        {
            var containerPorts = rendered.PodTemplates.Where(pod => Rendered.Selects(service["spec"]!["selector"], pod.Pod["metadata"]!["labels"]))
                .SelectMany(pod => Containers(pod.Pod)).SelectMany(container => container["ports"]!.AsArray()).ToList();
            foreach (var port in service["spec"]!["ports"]!.AsArray())
            {
                var target = (string?)(port!["targetPort"] ?? port["port"]);
                Assert.True(
                    containerPorts.Any(declared => (string?)declared!["name"] == target || (string?)declared["containerPort"] == target),
                    $"{overlay}: Service {service["metadata"]!["name"]} sends port {port["port"]} to {target}, which its pods do not declare");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_secret_and_config_map_a_pod_reads_is_rendered_with_the_key_it_reads(string overlay)
    {
        var rendered = Rendered.Of(overlay);
        var references = rendered.PodTemplates.SelectMany(pod => References(pod.Pod).Select(reference => (pod.Owner, reference.Kind, reference.Name, reference.Key))).ToList();

        Assert.Contains(references, reference => reference.Kind == "Secret");
        Assert.All(references, reference =>
        {
            var found = rendered.OfKind(reference.Kind).SingleOrDefault(item => (string?)item["metadata"]!["name"] == reference.Name);
            Assert.True(found is not null, $"{overlay}: {reference.Owner} reads {reference.Kind} {reference.Name}, which is not rendered");
            Assert.True(reference.Key is null || found["data"]?[reference.Key] is not null, $"{overlay}: {reference.Kind} {reference.Name} has no key {reference.Key}");
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Silo_probes_ask_grpc_health_on_the_port_the_api_listens_on(string overlay)
    {
        var silo = Silo(Rendered.Of(overlay));
        var api = new Uri(Env(silo, "GongGrid__Api__Listen"));

        Assert.Equal("0.0.0.0", api.Host);
        Assert.Equal(api.Port.ToString(), Port(silo, "grpc"));
        Assert.All(["startupProbe", "readinessProbe", "livenessProbe"], probe => Assert.Equal(api.Port.ToString(), (string?)silo[probe]?["grpc"]?["port"]));
        Assert.Equal(new Uri(Env(silo, "GongGrid__Metrics__Listen")).Port.ToString(), Port(silo, "metrics"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void A_stopping_silo_gets_its_pre_stop_pause_and_its_shutdown_grace_before_it_is_killed(string overlay)
    {
        var pod = SiloPod(Rendered.Of(overlay));
        var silo = Silo(Rendered.Of(overlay));
        var preStop = silo["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(word => (string?)word).ToList();
        Assert.Equal("sleep", preStop[0]);

        var needed = int.Parse(preStop[1]!) + TimeSpan.Parse(Env(silo, "GongGrid__ShutdownGrace")).TotalSeconds;

        Assert.True(int.Parse((string)pod["spec"]!["terminationGracePeriodSeconds"]!) > needed,
            $"{overlay}: terminationGracePeriodSeconds {pod["spec"]!["terminationGracePeriodSeconds"]} leaves no margin after {needed} s of preStop and shutdown");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Orleans_kubernetes_hosting_finds_the_silos_of_the_namespaces_cluster(string overlay)
    {
        var rendered = Rendered.Of(overlay);
        var deployment = rendered.Single("Deployment", "gonggrid-silo");
        var labels = SiloPod(rendered)["metadata"]!["labels"]!;
        var silo = Silo(rendered);

        Assert.Equal("true", Env(silo, "GongGrid__Kubernetes"));
        Assert.Equal((string?)deployment["metadata"]!["namespace"], (string?)labels["orleans/clusterId"]);
        Assert.All(["ORLEANS_CLUSTER_ID", "GongGrid__ClusterId", "POD_NAMESPACE"], name => Assert.Equal("metadata.namespace", FieldRef(silo, name)));
        Assert.Equal("metadata.name", FieldRef(silo, "POD_NAME"));
        Assert.Equal("status.podIP", FieldRef(silo, "POD_IP"));
        Assert.Equal((string?)labels["orleans/serviceId"], Env(silo, "ORLEANS_SERVICE_ID"));
        Assert.Equal((string?)labels["orleans/serviceId"], Env(silo, "GongGrid__ServiceId"));
        Assert.Equal(Env(silo, "GongGrid__SiloPort"), Port(silo, "silo"));
        Assert.Equal(Env(silo, "GongGrid__GatewayPort"), Port(silo, "gateway"));
        Assert.True(Permits(rendered, (string)SiloPod(rendered)["spec"]!["serviceAccountName"]!, "", "pods", null, "watch"), "the silo's service account may not watch pods");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_night_floor_rises_before_22_00_and_falls_after_23_00_within_the_autoscalers_bounds(string overlay)
    {
        var rendered = Rendered.Of(overlay);
        var autoscaler = rendered.Single("HorizontalPodAutoscaler", "gonggrid-silo");
        var (minimum, maximum) = (int.Parse((string)autoscaler["spec"]!["minReplicas"]!), int.Parse((string)autoscaler["spec"]!["maxReplicas"]!));
        var up = NightScaling(rendered, "gonggrid-night-scale-up");
        var down = NightScaling(rendered, "gonggrid-night-scale-down");

        Assert.Equal("gonggrid-silo", (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
        Assert.NotNull(rendered.Single("Deployment", (string)autoscaler["spec"]!["scaleTargetRef"]!["name"]!));
        Assert.InRange(up.At, new TimeOnly(21, 0), new TimeOnly(21, 50));
        Assert.InRange(down.At, new TimeOnly(23, 5), new TimeOnly(23, 59));
        Assert.Equal("gonggrid-silo", up.Target);
        Assert.Equal("gonggrid-silo", down.Target);
        Assert.InRange(up.MinReplicas, minimum + 1, maximum);
        Assert.Equal(minimum, down.MinReplicas);
        Assert.True(Permits(rendered, up.Account, "autoscaling", "horizontalpodautoscalers", "gonggrid-silo", "patch"), "the night scaler may not patch the autoscaler");
        Assert.Contains(autoscaler["spec"]!["metrics"]!.AsArray(), metric => (string?)metric!["pods"]?["metric"]?["name"] == "gonggrid_ingest_events_received_per_second");
        var budget = rendered.Single("PodDisruptionBudget", "gonggrid-silo");
        Assert.True(int.Parse((string)budget["spec"]!["maxUnavailable"]!) < minimum, "a disruption could take every silo at the daytime floor");
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("production", false)]
    public void The_Orleans_dashboard_is_on_in_dev_only_and_reached_only_through_kubectl_port_forward(string overlay, bool served)
    {
        const string Setting = "GongGrid__OrleansDashboard__Listen";
        var rendered = Rendered.Of(overlay);
        var silo = Silo(rendered);
        var setting = silo["env"]!.AsArray().SingleOrDefault(variable => (string?)variable!["name"] == Setting);

        Assert.Equal(served, setting is not null);
        if (setting is null)
        {
            return;
        }
        Assert.True(SettingKeys.IsKnown(Setting), $"{Setting} names no option the silo reads");
        var listen = new Uri((string)setting["value"]!);
        var port = listen.Port.ToString();
        // On the pod's loopback nothing on the network reaches it; a port-forward connects from inside the pod.
        Assert.Equal("127.0.0.1", listen.Host);
        Assert.DoesNotContain(silo["ports"]!.AsArray(), declared => (string?)declared!["containerPort"] == port);
        Assert.DoesNotContain(rendered.OfKind("Service").SelectMany(service => service["spec"]!["ports"]!.AsArray()), open => (string?)open!["port"] == port);
        Assert.DoesNotContain(
            rendered.OfKind("NetworkPolicy").SelectMany(policy => policy["spec"]!["ingress"]?.AsArray() ?? []).SelectMany(rule => rule!["ports"]?.AsArray() ?? []),
            open => (string?)open!["port"] == port);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_has_resource_requests_and_limits(string overlay)
    {
        var containers = Rendered.Of(overlay).PodTemplates.SelectMany(pod => Containers(pod.Pod).Select(container => (pod.Owner, Container: container))).ToList();

        Assert.All(containers, pair => Assert.All(["requests", "limits"], kind => Assert.True(
            pair.Container["resources"]?[kind]?["cpu"] is not null && pair.Container["resources"]?[kind]?["memory"] is not null,
            $"{overlay}: {pair.Owner} container {pair.Container["name"]} has no cpu and memory {kind}")));
    }

    private static IEnumerable<(string What, JsonNode? Selector)> PolicySelectors(JsonObject policy)
    {
        var name = $"NetworkPolicy/{policy["metadata"]!["name"]}";
        yield return (name, policy["spec"]!["podSelector"]);
        var peers = new[] { "ingress", "egress" }.SelectMany(direction => policy["spec"]![direction]?.AsArray() ?? [])
            .SelectMany(rule => (rule!["from"] ?? rule["to"])?.AsArray() ?? []);
        foreach (var peer in peers.Where(peer => peer!["podSelector"] is not null && peer["namespaceSelector"] is null))
        {
            yield return ($"{name} peer", peer!["podSelector"]);
        }
    }

    private static IEnumerable<JsonObject> Containers(JsonObject pod) =>
        (pod["spec"]!["containers"]?.AsArray() ?? []).Concat(pod["spec"]!["initContainers"]?.AsArray() ?? []).Cast<JsonObject>();

    private static IEnumerable<(string Kind, string Name, string? Key)> References(JsonObject pod)
    {
        foreach (var container in Containers(pod))
        {
            foreach (var variable in container["env"]?.AsArray() ?? [])
            {
                if (variable!["valueFrom"]?["secretKeyRef"] is { } secret)
                {
                    yield return ("Secret", (string)secret["name"]!, (string?)secret["key"]);
                }
                if (variable["valueFrom"]?["configMapKeyRef"] is { } map)
                {
                    yield return ("ConfigMap", (string)map["name"]!, (string?)map["key"]);
                }
            }
            foreach (var source in container["envFrom"]?.AsArray() ?? [])
            {
                if (source!["secretRef"] is { } secret)
                {
                    yield return ("Secret", (string)secret["name"]!, null);
                }
            }
        }
        foreach (var volume in pod["spec"]!["volumes"]?.AsArray() ?? [])
        {
            if (volume!["secret"] is { } secret)
            {
                yield return ("Secret", (string)secret["secretName"]!, null);
            }
            if (volume["configMap"] is { } map)
            {
                yield return ("ConfigMap", (string)map["name"]!, null);
            }
        }
    }

    private static JsonObject SiloPod(Rendered rendered) => (JsonObject)rendered.Single("Deployment", "gonggrid-silo")["spec"]!["template"]!;

    private static JsonObject Silo(Rendered rendered) => Assert.Single(Containers(SiloPod(rendered)), container => (string?)container["name"] == "silo");

    private static string Env(JsonObject container, string name) =>
        (string?)Assert.Single(container["env"]!.AsArray(), variable => (string?)variable!["name"] == name)!["value"] ?? throw new InvalidOperationException($"{name} has no value");

    private static string? FieldRef(JsonObject container, string name) =>
        (string?)Assert.Single(container["env"]!.AsArray(), variable => (string?)variable!["name"] == name)!["valueFrom"]?["fieldRef"]?["fieldPath"];

    private static string? Port(JsonObject container, string name) =>
        (string?)Assert.Single(container["ports"]!.AsArray(), port => (string?)port!["name"] == name)!["containerPort"];

    /// <summary>A CronJob's local time, the autoscaler it patches, the floor it sets, and the account it runs as.</summary>
    private static (TimeOnly At, string Target, int MinReplicas, string Account) NightScaling(Rendered rendered, string name)
    {
        var job = rendered.Single("CronJob", name);
        Assert.Equal("Asia/Ho_Chi_Minh", (string?)job["spec"]!["timeZone"]);
        var schedule = ((string)job["spec"]!["schedule"]!).Split(' ');
        Assert.Equal(["*", "*", "*"], schedule[2..]);
        var pod = job["spec"]!["jobTemplate"]!["spec"]!["template"]!;
        var args = pod["spec"]!["containers"]![0]!["args"]!.AsArray().Select(word => (string)word!).ToList();
        Assert.Equal(["patch", "horizontalpodautoscaler"], args[..2]);
        var patch = JsonNode.Parse(args[args.IndexOf("--patch") + 1])!;
        return (new TimeOnly(int.Parse(schedule[1]), int.Parse(schedule[0])), args[2], (int)patch["spec"]!["minReplicas"]!, (string)pod["spec"]!["serviceAccountName"]!);
    }

    /// <summary>Whether a Role bound to <paramref name="account"/> allows <paramref name="verb"/> on the resource.</summary>
    private static bool Permits(Rendered rendered, string account, string apiGroup, string resource, string? resourceName, string verb) =>
        rendered.OfKind("RoleBinding")
            .Where(binding => binding["subjects"]!.AsArray().Any(subject => (string?)subject!["kind"] == "ServiceAccount" && (string?)subject["name"] == account))
            .Select(binding => rendered.Single("Role", (string)binding["roleRef"]!["name"]!))
            .SelectMany(role => role["rules"]!.AsArray())
            .Any(rule => Has(rule!["apiGroups"], apiGroup) && Has(rule["resources"], resource) && Has(rule["verbs"], verb)
                && (rule["resourceNames"] is null || resourceName is null || Has(rule["resourceNames"], resourceName)));

    private static bool Has(JsonNode? list, string value) => list?.AsArray().Any(item => (string?)item == value) == true;
}
