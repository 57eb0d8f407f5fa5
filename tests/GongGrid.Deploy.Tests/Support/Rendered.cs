using System.Diagnostics;
using System.Text.Json.Nodes;
using GongGrid.Testing.Processes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GongGrid.Deploy.Tests.Support;

/// <summary>
/// What <c>kubectl kustomize</c> renders for one overlay of deploy/k8s, as JSON trees (every scalar a string), with
/// the look-ups the consistency checks need.
/// </summary>
public sealed class Rendered
{
    private static readonly Dictionary<string, Rendered> Cache = [];

    private Rendered(string overlay, IReadOnlyList<JsonObject> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public string Overlay { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(item => (string?)item["kind"] == kind);

    public JsonObject Single(string kind, string name) =>
        Assert.Single(OfKind(kind), item => (string?)item["metadata"]?["name"] == name);

    /// <summary>Every pod template (Deployments, StatefulSets, CronJobs) with the name of its owner.</summary>
    public IEnumerable<(string Owner, JsonObject Pod)> PodTemplates =>
        Objects.Select(item => (Owner: $"{item["kind"]}/{item["metadata"]!["name"]}", Pod: (item["spec"]?["template"] ?? item["spec"]?["jobTemplate"]?["spec"]?["template"]) as JsonObject))
            .Where(pair => pair.Pod is not null)
            .Select(pair => (pair.Owner, pair.Pod!));

    public static Rendered Of(string overlay)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(overlay, out var rendered))
            {
                rendered = new Rendered(overlay, Parse(Kustomize(Path.Combine(ProjectOutput.RepositoryRoot, "deploy", "k8s", "overlays", overlay))));
                Cache[overlay] = rendered;
            }
            return rendered;
        }
    }

    /// <summary>Whether <paramref name="selector"/> (matchLabels, or a plain label map) holds for <paramref name="labels"/>.</summary>
    public static bool Selects(JsonNode? selector, JsonNode? labels)
    {
        var wanted = (selector?["matchLabels"] ?? selector) as JsonObject;
        return wanted is { Count: > 0 } && wanted.All(pair => (string?)labels?[pair.Key] == (string?)pair.Value);
    }

    private static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var kubectl = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var errors = kubectl.StandardError.ReadToEndAsync();
        var output = kubectl.StandardOutput.ReadToEnd();
        kubectl.WaitForExit();
        return kubectl.ExitCode == 0 ? output : throw new InvalidOperationException($"kubectl kustomize {directory} failed ({kubectl.ExitCode}): {errors.Result}");
    }

    private static List<JsonObject> Parse(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var deserializer = new DeserializerBuilder().Build();
        var objects = new List<JsonObject>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (ToJson(deserializer.Deserialize<object>(parser)) is JsonObject item)
            {
                objects.Add(item);
            }
        }
        return objects;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        Dictionary<object, object?> map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key.ToString()!, ToJson(pair.Value)))),
        List<object?> list => new JsonArray([.. list.Select(ToJson)]),
        null => null,
        _ => JsonValue.Create(value.ToString()),
    };
}
