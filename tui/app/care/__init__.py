"""Ice and heat in the App: start, restore, the precaution question, the next round."""
