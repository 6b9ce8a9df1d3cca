namespace Medborgare.ApiContracts.FollowUp;

/// <summary>
/// The per-field codes FollowUp sends in a validation problem's <c>codes</c>. FollowUp's own messages beside them follow
/// Accept-Language, in Swedish or English.
/// </summary>
public static class FollowUpErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string PeriodOutOfRange = "period-out-of-range";
    public const string SortOrderOutOfRange = "sort-order-out-of-range";

    // Goals.
    public const string LevelRequired = "level-required";
    public const string LevelUnknown = "level-unknown";
    public const string LevelFixed = "level-fixed";
    public const string GoalAreaCodeInvalid = "goal-area-code-invalid";
    public const string GoalAreaCodeTaken = "goal-area-code-taken";
    public const string CodeOnlyForGoalAreas = "code-only-for-goal-areas";
    public const string VisionHasNoParent = "vision-has-no-parent";
    public const string ParentRequired = "parent-required";
    public const string ParentUnknown = "parent-unknown";
    public const string ParentWrongLevel = "parent-wrong-level";

    // Indicators, targets and values.
    public const string DirectionRequired = "direction-required";
    public const string ToleranceInvalid = "tolerance-invalid";
    public const string SurveyKeyRequired = "survey-key-required";
    public const string KpiIdInvalid = "kpi-id-invalid";
    public const string FeedbackIndicatorHasNoKey = "feedback-indicator-has-no-key";
    public const string SourceRequired = "source-required";
    public const string NotANumber = "not-a-number";
    public const string TargetPeriodTwice = "target-period-twice";
    public const string GoalRequired = "goal-required";
    public const string GoalUnknown = "goal-unknown";
    public const string VisionHasNoIndicators = "vision-has-no-indicators";

    // Assessments.
    public const string AssessmentUnknown = "assessment-unknown";
    public const string VisionNotAssessed = "vision-not-assessed";

    // Key figures.
    public const string KpisRequired = "kpis-required";
    public const string TooManyKpis = "too-many-kpis";
    public const string YearRangeInvalid = "year-range-invalid";
    public const string KpiRequired = "kpi-required";
}
