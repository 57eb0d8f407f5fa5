namespace GongGrid.Mqtt;

/// <summary>A topic filter (wildcards <c>+</c> and <c>#</c> allowed) and the maximum QoS to receive it at.</summary>
public sealed record MqttSubscription(string TopicFilter, MqttQos Qos = MqttQos.AtLeastOnce);
