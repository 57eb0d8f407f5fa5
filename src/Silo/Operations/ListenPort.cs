namespace GongGrid.Silo.Operations;

/// <summary>Endpoint metadata: the endpoint answers only requests that came in on this local port.</summary>
public sealed record ListenPort(int Port);
