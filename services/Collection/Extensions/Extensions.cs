using Medborgare.Collection.Answering;
using Medborgare.Collection.Apis;
using Medborgare.Collection.Cases;
using Medborgare.Collection.Consumers;
using Medborgare.Collection.Infrastructure;
using Medborgare.Messaging;
using Medborgare.ServiceDefaults;

namespace Medborgare.Collection.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAuthentication();
        builder.AddServiceDatabaseAndMessaging<CollectionDbContext>(ResourceNames.Collection, ResourceNames.CollectionDb, bus =>
        {
            bus.AddConsumer<SurveyPublishedConsumer>();
            bus.AddConsumer<InvitationsIssuedConsumer>();
            bus.AddConsumer<SurveyClosedConsumer>();
            bus.AddConsumer<GoalAreaResponsibilityChangedConsumer>();
        });
        builder.Services.PostConfigure<OutboxOptions>(o => o.DeleteSent = true);

        builder.Services.AddOptions<CodeThrottleOptions>().BindConfiguration("CodeThrottle");
        builder.Services.AddSingleton<CodeGuessThrottle>();
        builder.Services.AddScoped<CodeLookup>();
        builder.Services.AddSingleton<QuestionnaireCache>();
        builder.Services.AddSingleton<SurveyHeaderCache>();
        builder.Services.AddScoped<SubmissionService>();
        builder.Services.AddOptions<ResponseReleaseOptions>().BindConfiguration("ResponseRelease");
        builder.Services.AddSingleton<ResponseRelease>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ResponseRelease>());

        builder.Services.AddOptions<CaseOptions>().BindConfiguration("Cases");
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        builder.Services.AddScoped<CaseIntake>();
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddOptions<CodeThrottleOptions>(PublicCasesApi.ReceiptThrottle).BindConfiguration("ReceiptThrottle");
        builder.Services.AddKeyedSingleton(PublicCasesApi.ReceiptThrottle, (sp, _) => new CodeGuessThrottle(sp.GetRequiredService<TimeProvider>(),
            Microsoft.Extensions.Options.Options.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CodeThrottleOptions>>().Get(PublicCasesApi.ReceiptThrottle))));
        builder.Services.AddSingleton<CaseEmailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseEmailSender>());
        builder.Services.AddSingleton<CaseContactPurge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseContactPurge>());

        builder.Services.AddPublicLimits(builder.Configuration);
        builder.Services.AddOpenApi();
    }
}
