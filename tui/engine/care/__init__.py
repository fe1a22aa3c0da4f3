"""Home care, pure: ice and heat, pain episodes, check-in scores, the warning signs."""
