namespace Medborgare.ServiceDefaults;

/// <summary>
/// Names shared by the AppHost and the services: they become <c>ConnectionStrings__{name}</c> and
/// <c>services__{name}__http__0</c>, exactly as an Aspire AppHost would name them.
/// </summary>
#if APPHOST
internal static class ResourceNames // the AppHost compiles this file in too; internal there, so the two never clash
#else
public static class ResourceNames
#endif
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    public const string Distribution = "distribution";
    public const string Collection = "collection";
    public const string Analysis = "analysis";
    public const string FollowUp = "followup";
    public const string Web = "web";

    public const string DistributionDb = "distributiondb";
    public const string CollectionDb = "collectiondb";
    public const string AnalysisDb = "analysisdb";
    public const string FollowUpDb = "followupdb";
    public const string WebDb = "webdb";

    public static readonly string[] Services = [Distribution, Collection, Analysis, FollowUp];
}
