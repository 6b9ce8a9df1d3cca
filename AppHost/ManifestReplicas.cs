using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Medborgare.AppHost;

public static class ManifestReplicasExtensions
{
    /// <summary>
    /// Runs <paramref name="replicas"/> instances, and says so in the deployment manifest too: Aspire's own project entry has no
    /// replica count (only a deployment target writes one), so the entry is written as Aspire writes it, plus <c>"replicas"</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasInEveryMode(this IResourceBuilder<ProjectResource> project, int replicas)
    {
        project.WithReplicas(replicas);
        if (!project.ApplicationBuilder.ExecutionContext.IsPublishMode) return project;
        return project.WithManifestPublishingCallback(async context =>
        {
            var metadata = project.Resource.GetProjectMetadata();
            context.Writer.WriteString("type", "project.v0");
            context.Writer.WriteString("path", context.GetManifestRelativePath(metadata.ProjectPath));
            context.Writer.WriteNumber("replicas", replicas);
            await context.WriteCommandLineArgumentsAsync(project.Resource);
            await context.WriteEnvironmentVariablesAsync(project.Resource);
            context.WriteBindings(project.Resource);
        });
    }
}
