import {
  Classification,
  Classifier,
  ClassifierOptions,
  ClassifyInput,
  IntentModel,
  SentimentModel,
} from './classify.types';
import { RuleIntentModel } from './intent/rule-intent.model';
import { decideLanguage } from './language/language-detector';
import { findPii } from './pii/find-pii';
import { computePriority } from './priority/compute-priority';
import { LexiconSentimentModel } from './sentiment/lexicon-sentiment.model';

/**
 * Builds a classifier. Models are created once and reused: nothing large is allocated per call.
 * Pass `sentiment` or `intent` to plug in a stronger model (see README: a local ONNX file).
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const sentimentModel: SentimentModel = options.sentiment ?? new LexiconSentimentModel();
  const intentModel: IntentModel = options.intent ?? new RuleIntentModel();

  return {
    classify(input: ClassifyInput): Classification {
      const text = input.text ?? '';
      const { language, source } = decideLanguage(text, input.lang);
      const sentiment = sentimentModel.score(text, language);
      const { intent, confidence } = intentModel.classify({ text, lang: language, sentiment });
      const pii = findPii(text, { brandHandles: input.context?.brandHandles });
      const { priority, reasons } = computePriority({
        sentiment,
        intent,
        author: input.author,
        context: input.context,
        piiCount: pii.length,
      });
      return {
        language,
        languageSource: source,
        sentiment,
        intent,
        intentConfidence: confidence,
        pii,
        priority,
        priorityReasons: reasons,
      };
    },
  };
}
