using System.Text.Json;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Villages;
using GongGrid.Runtime;
using GongGrid.Runtime.Persistence;
using GongGrid.Runtime.Storage;

namespace GongGrid.Benchmarks;

/// <summary>
/// Where a village activation's bytes go: each part of its state is deserialised on its own, as the silo does,
/// for every village, and weighed while held; the rest of the activation is runtime (activation, grain, wrappers).
/// </summary>
internal static class VillageStateWeights
{
    public static async Task PrintAsync(IGrainStorage storage, IReadOnlyList<string> keys, double activation)
    {
        var payloads = new List<string>(keys.Count);
        foreach (var key in keys)
        {
            payloads.Add((await storage.ReadAsync(new GrainId("village", key), "profile"))!.Payload);
        }
        var profiles = payloads.Select(payload => JsonSerializer.Deserialize<VillageProfile>(payload, StateJson.Options)!).ToList();
        Report.Figure("  stored profile JSON (chars)", payloads.Average(payload => payload.Length), "chars");
        var profile = Weigh(payloads, payload => JsonSerializer.Deserialize<VillageProfile>(payload, StateJson.Options));
        var signals = Weigh(payloads, _ => new VillageSignals());
        Report.Figure("  'profile' state object", profile, "bytes");
        Report.Figure("    signal settings (shared per silo once activated)", WeighPart(profiles, p => p.Settings), "bytes");
        Report.Figure("    striker rota (ids)", WeighPart(profiles, p => p.StrikerIds), "bytes");
        Report.Figure("    device statuses (only those that changed)", WeighPart(profiles, p => p.Devices), "bytes");
        Report.Figure("    coverage gaps", WeighPart(profiles, p => p.CoverageGaps), "bytes");
        Report.Figure("  'signals' state object (empty lists)", signals, "bytes");
        Report.Figure("  runtime: activation, grain, state wrappers", activation - profile - signals, "bytes");
    }

    /// <summary>A part serialised alone and read back as its declared type, so it weighs what it weighs inside the profile.</summary>
    private static double WeighPart<TPart>(List<VillageProfile> profiles, Func<VillageProfile, TPart> part)
    {
        var payloads = profiles.Select(profile => JsonSerializer.Serialize(part(profile), StateJson.Options)).ToList();
        return Weigh(payloads, payload => JsonSerializer.Deserialize<TPart>(payload, StateJson.Options));
    }

    private static double Weigh<T>(List<string> payloads, Func<string, T> make)
    {
        var held = new T[payloads.Count];
        foreach (var payload in payloads.Take(1_000))
        {
            _ = make(payload); // as for activations: the first ones release memory held since earlier work
        }
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var index = 0; index < held.Length; index++)
        {
            held[index] = make(payloads[index]);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / (double)held.Length;
    }
}
