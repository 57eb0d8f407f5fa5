using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Villages;

namespace GongGrid.Benchmarks;

/// <summary>
/// Where a village activation's bytes go: each part of its state is deserialised on its own, as the silo does,
/// for every village, and weighed while held; the rest of the activation is runtime (activation, grain, wrappers).
/// </summary>
internal static class VillageStateWeights
{
    public static async Task PrintAsync(string databasePath, Serializer serializer, IReadOnlyList<string> keys, double activation)
    {
        var payloads = await ReadProfilesAsync(databasePath, keys);
        var profiles = payloads.Select(payload => serializer.Deserialize<VillageProfile>(payload)!).ToList();
        Report.Figure("  stored profile (Orleans binary serializer)", payloads.Average(payload => payload.Length), "bytes");
        var profile = Weigh(payloads, payload => serializer.Deserialize<VillageProfile>(payload));
        var signals = Weigh(payloads, _ => new VillageSignals());
        Report.Figure("  'profile' state object", profile, "bytes");
        Report.Figure("    signal settings (shared per silo once activated)", WeighPart(serializer, profiles, p => p.Settings), "bytes");
        Report.Figure("    striker rota (ids)", WeighPart(serializer, profiles, p => p.StrikerIds), "bytes");
        Report.Figure("    device statuses (only those that changed)", WeighPart(serializer, profiles, p => p.Devices), "bytes");
        Report.Figure("    coverage gaps", WeighPart(serializer, profiles, p => p.CoverageGaps), "bytes");
        Report.Figure("  'signals' state object (empty lists)", signals, "bytes");
        Report.Figure("  Orleans: activation, grain, state bridges, messaging", activation - profile - signals, "bytes");
    }

    /// <summary>The stored 'profile' state of each village, as the silo reads it on activation.</summary>
    private static async Task<List<byte[]>> ReadProfilesAsync(string databasePath, IReadOnlyList<string> keys)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_state WHERE grain_id = $grain AND state_name = 'profile'";
        var grain = command.Parameters.Add("$grain", SqliteType.Text);
        var payloads = new List<byte[]>(keys.Count);
        foreach (var key in keys)
        {
            grain.Value = $"village/{key}";
            payloads.Add((byte[])(await command.ExecuteScalarAsync())!);
        }
        return payloads;
    }

    /// <summary>A part serialised alone and read back as its declared type, so it weighs what it weighs inside the profile.</summary>
    private static double WeighPart<TPart>(Serializer serializer, List<VillageProfile> profiles, Func<VillageProfile, TPart> part)
    {
        var payloads = profiles.Select(profile => serializer.SerializeToArray(part(profile))).ToList();
        return Weigh(payloads, payload => serializer.Deserialize<TPart>(payload));
    }

    private static double Weigh<T>(List<byte[]> payloads, Func<byte[], T> make)
    {
        var held = new T[payloads.Count];
        foreach (var payload in payloads.Take(1_000))
        {
            _ = make(payload); // as for activations: the first ones release memory held since earlier work
        }
        var before = LiveHeap.Bytes();
        for (var index = 0; index < held.Length; index++)
        {
            held[index] = make(payloads[index]);
        }
        var after = LiveHeap.Bytes();
        GC.KeepAlive(held);
        return (after - before) / (double)held.Length;
    }
}
