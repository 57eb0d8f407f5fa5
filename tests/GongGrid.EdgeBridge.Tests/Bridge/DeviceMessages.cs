using System.Text;

namespace GongGrid.EdgeBridge.Tests.Bridge;

/// <summary>One MQTT message as a device (or a broken device) publishes it.</summary>
internal sealed record DeviceMessage(string Topic, byte[] Payload)
{
    public static DeviceMessage Json(string topic, string json) => new(topic, Encoding.UTF8.GetBytes(json));
}

/// <summary>Peace-signal strikes as gongs send them: the countable events of these tests.</summary>
internal static class Strikes
{
    /// <summary>
    /// <paramref name="perGong"/> strikes from each of a village's <paramref name="gongs"/>, taking turns, 10 ms apart
    /// from 22:00:00 with unique event ids and per-gong sequence numbers. Each gong's strikes are closer than a second
    /// (one group, no alarm pattern) and under 20 s apart (one round), so the village's strike count for tonight is
    /// the number of distinct strikes applied from its busiest gong. Keep <paramref name="perGong"/> within what a
    /// village keeps of one device (VillageSignals.KeptPerDevice): past it the grid refuses a flood.
    /// </summary>
    public static List<DeviceMessage> InVillage(string villageKey, IReadOnlyList<string> gongs, int perGong, string idPrefix, int firstIndex = 0)
    {
        var count = perGong * gongs.Count;
        var messages = new List<DeviceMessage>(count);
        for (var index = firstIndex; index < firstIndex + count; index++)
        {
            var gong = gongs[index % gongs.Count];
            var sequence = (index / gongs.Count) + 1;
            messages.Add(DeviceMessage.Json(
                $"gonggrid/v1/{villageKey}/{gong}/strike",
                $$"""{"eventId":"{{idPrefix}}-{{gong}}-{{index}}","time":"{{TonightInTheTests.DeviceTime(TimeSpan.FromMilliseconds(10 * index))}}","seq":{{sequence}}}"""));
        }
        return messages;
    }

    /// <summary>Takes one message from each list in turn, as devices publishing at once interleave.</summary>
    public static List<DeviceMessage> Interleave(params IReadOnlyList<DeviceMessage>[] lists)
    {
        var merged = new List<DeviceMessage>(lists.Sum(list => list.Count));
        for (var index = 0; index < lists.Max(list => list.Count); index++)
        {
            merged.AddRange(lists.Where(list => index < list.Count).Select(list => list[index]));
        }
        return merged;
    }
}
