// The form scaffolding lives in components/ui/form.tsx; these names stay importable from here.
export { errorsOf, formErrorOf, InlineProblem, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";
