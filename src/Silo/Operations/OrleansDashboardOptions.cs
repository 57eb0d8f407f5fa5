namespace GongGrid.Silo.Operations;

/// <summary>The Orleans Dashboard for operators, bound from GongGrid:OrleansDashboard.</summary>
public sealed class OrleansDashboardOptions
{
    /// <summary>
    /// http://host:port serving the dashboard over HTTP/1.1, admin token required; empty (the default): no dashboard,
    /// and no profiling of grain calls for it. A port of its own, so it never shares a page with police or Prometheus;
    /// on Kubernetes a loopback address, reached only through kubectl port-forward.
    /// </summary>
    public string Listen { get; set; } = "";
}
