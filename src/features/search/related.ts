/** Categories worth suggesting when a search finds nothing. */
export const RELATED: Record<string, string[]> = {
  salon: ["hobby", "exercise", "meal"],
  exercise: ["salon", "hobby"],
  hobby: ["salon", "exercise"],
  meal: ["salon", "meal_delivery"],
  dementia_cafe: ["caregiver", "consultation"],
  caregiver: ["dementia_cafe", "consultation"],
  meal_delivery: ["shopping", "meal"],
  shopping: ["meal_delivery", "transport"],
  transport: ["shopping"],
  housework: ["watch"],
  watch: ["housework"],
  consultation: [],
};
