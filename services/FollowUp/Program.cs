using Medborgare.FollowUp.Apis;
using Medborgare.FollowUp.Extensions;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapSurveyYearsApi();
app.MapGoalsApi();
app.MapIndicatorsApi();
app.MapAssessmentsApi();
app.MapKeyFiguresApi();
app.MapPoliticianViewApi();
app.MapAssignmentsApi();
app.MapActionPlansApi();
app.MapAssignmentReportsApi();
app.MapPeriodReportApi();
app.MapQuarantineApi();
app.MapDefaultEndpoints();

app.Run();
