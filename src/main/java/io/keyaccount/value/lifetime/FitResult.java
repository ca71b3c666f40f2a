package io.keyaccount.value.lifetime;

/**
 * A maximum-likelihood fit.
 *
 * @param model the fitted parameters, as a model ready to predict with
 * @param logLikelihood the total log-likelihood at those parameters
 * @param customersUsed how many customers the fit saw
 * @param converged whether the optimiser met its gradient tolerance; when false, treat the model with
 *        suspicion (the data may not identify the parameters, e.g. nobody ever came back)
 */
public record FitResult<M>(M model, double logLikelihood, int customersUsed, boolean converged) {
}
