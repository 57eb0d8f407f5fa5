using Microsoft.Extensions.Configuration;

namespace GongGrid.Silo.Hosting;

/// <summary>
/// GongGrid:Kubernetes = true: Orleans's Kubernetes hosting takes the silo's name from its pod, advertises the pod's
/// IP, reads ORLEANS_CLUSTER_ID / ORLEANS_SERVICE_ID, and watches the pods labelled orleans/clusterId and
/// orleans/serviceId so a silo whose pod is gone is declared dead at once (deploy/k8s sets all of these).
/// </summary>
public static class KubernetesHosting
{
    public static ISiloBuilder UseGridKubernetes(this ISiloBuilder silo, IConfiguration configuration) =>
        configuration.GetValue<bool>("GongGrid:Kubernetes") ? silo.UseKubernetesHosting() : silo;
}
