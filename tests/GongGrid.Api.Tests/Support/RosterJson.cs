using System.Text.Json.Nodes;

namespace GongGrid.Api.Tests.Support;

/// <summary>The sample roster's JSON with a change made, as an administrator would edit the file before importing it.</summary>
public static class RosterJson
{
    public static string Edit(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(SampleDistrict.Json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public static JsonArray Communes(JsonObject root) => root["communes"]!.AsArray();

    public static JsonObject Village(JsonObject root, string villageKey)
    {
        var slugs = villageKey.Split('/');
        var commune = Communes(root).Single(node => (string?)node!["slug"] == slugs[1])!;
        return commune["villages"]!.AsArray().Single(node => (string?)node!["slug"] == slugs[2])!.AsObject();
    }

    public static void RemoveVillage(JsonObject root, string villageKey)
    {
        var village = Village(root, villageKey);
        ((JsonArray)village.Parent!).Remove(village);
    }

    public static void RemoveDevice(JsonObject root, string deviceKey)
    {
        var devices = Village(root, deviceKey[..deviceKey.LastIndexOf('/')])["devices"]!.AsArray();
        devices.Remove(devices.Single(node => deviceKey.EndsWith("/" + (string?)node!["slug"], StringComparison.Ordinal)));
    }
}
