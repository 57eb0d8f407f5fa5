using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;

namespace GongGrid.Grains.Roster;

/// <summary>
/// Writes a district roster in exactly the format <see cref="RosterReader"/> reads. Every district setting is
/// written out; small objects (a location, an officer, a device, a cluster, a striker) go on one line each.
/// </summary>
public static class RosterJsonWriter
{
    // The file is read by people and never embedded in HTML: keep Vietnamese letters as they are.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DistrictRoster district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output, Indented))
        {
            json.WriteStartObject();
            json.WriteString("key", district.Key);
            json.WriteString("name", district.Name);
            json.WritePropertyName("settings");
            SignalSettingsJson.WriteSettings(json, district.Settings);
            json.WriteStartArray("communes");
            foreach (var commune in district.Communes)
            {
                WriteCommune(json, commune);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.WrittenSpan) + "\n";
    }

    private static void WriteCommune(Utf8JsonWriter json, CommuneRoster commune)
    {
        json.WriteStartObject();
        json.WriteString("slug", commune.Slug);
        json.WriteString("name", commune.Name);
        WriteInline(json, "officer", commune.Officer, WriteOfficer);
        if (commune.Overrides is { } overrides)
        {
            json.WritePropertyName("overrides");
            SignalSettingsJson.WriteOverrides(json, overrides);
        }

        json.WriteStartArray("villages");
        foreach (var village in commune.Villages)
        {
            WriteVillage(json, village);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteVillage(Utf8JsonWriter json, VillageRoster village)
    {
        json.WriteStartObject();
        json.WriteString("slug", village.Slug);
        json.WriteString("name", village.Name);
        WriteInline(json, "location", village.Location, WriteLocation);
        json.WriteNumber("households", village.Households);
        json.WriteString("peaceSignal", RosterEnums.PeaceSignals.NameOf(village.PeaceSignal));
        WriteInline(json, "officer", village.Officer, WriteOfficer);
        WriteInlineArray(json, "devices", village.Devices, WriteDevice);
        WriteInlineArray(json, "clusters", village.Clusters, WriteCluster);
        WriteInlineArray(json, "strikers", village.Strikers, WriteStriker);
        json.WriteEndObject();
    }

    private static void WriteDevice(Utf8JsonWriter json, DeviceRoster device)
    {
        json.WriteStartObject();
        json.WriteString("slug", device.Slug);
        json.WriteString("kind", RosterEnums.DeviceKinds.NameOf(device.Kind));
        json.WritePropertyName("location");
        WriteLocation(json, device.Location);
        json.WriteString("place", device.Place);
        json.WriteString("condition", RosterEnums.DeviceConditions.NameOf(device.Condition));
        json.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter json, ClusterRoster cluster)
    {
        json.WriteStartObject();
        json.WriteString("slug", cluster.Slug);
        json.WriteString("name", cluster.Name);
        json.WritePropertyName("location");
        WriteLocation(json, cluster.Location);
        json.WriteNumber("households", cluster.Households);
        json.WriteEndObject();
    }

    private static void WriteStriker(Utf8JsonWriter json, StrikerRoster striker)
    {
        json.WriteStartObject();
        json.WriteString("id", striker.Id);
        json.WriteString("name", striker.Name);
        json.WriteNumber("nightlyAllowanceVnd", striker.NightlyAllowanceVnd);
        json.WriteEndObject();
    }

    private static void WriteOfficer(Utf8JsonWriter json, Officer officer)
    {
        json.WriteStartObject();
        json.WriteString("name", officer.Name);
        json.WriteString("phone", officer.Phone);
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, GeoPoint location)
    {
        json.WriteStartObject();
        json.WriteNumber("lat", location.Latitude);
        json.WriteNumber("lon", location.Longitude);
        json.WriteEndObject();
    }

    // One item per line. An indented Utf8JsonWriter would put raw items side by side on one line, so the
    // array is written as one raw value, indented to the writer's current depth.
    private static void WriteInlineArray<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WritePropertyName(name);
        if (items.Count == 0)
        {
            json.WriteRawValue("[]", skipInputValidation: true);
            return;
        }

        var indent = new string(' ', 2 * json.CurrentDepth);
        var lines = items.Select(item => $"{indent}  {Encoding.UTF8.GetString(OneLineJson(item, write))}");
        json.WriteRawValue($"[\n{string.Join(",\n", lines)}\n{indent}]", skipInputValidation: true);
    }

    private static void WriteInline<T>(Utf8JsonWriter json, string name, T value, Action<Utf8JsonWriter, T> write)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(OneLineJson(value, write), skipInputValidation: true);
    }

    private static byte[] OneLineJson<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, OneLine))
        {
            write(json, value);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
